using System.Diagnostics;
using System.Globalization;
using CallCenter.LocalServers;
using CallCenter.Testing;

namespace CallCenter.Deployment.Tests.Containers;

/// <summary>
/// The three service images, built the way a deployment builds them: <c>dotnet publish -t:PublishContainer</c> (the SDK,
/// no Dockerfile) on the base image eng/install-containers.sh imported, served to the SDK by a loopback registry, and the
/// result pushed there and pulled into podman. Shared by a test collection; nothing happens without podman.
/// </summary>
public sealed class ServiceImages : IAsyncLifetime
{
    /// <summary>Imported by eng/install-containers.sh from a debootstrap root filesystem and this machine's runtime.</summary>
    public const string LocalBaseImage = "localhost/callcenter/aspnet:10.0";

    private static readonly string[] Services = ["ingestion", "persistence", "api"];
    private readonly string _tag = $"test-{Environment.ProcessId}";
    private readonly Dictionary<string, BuiltImage> _images = [];
    private ImageRegistry? _registry;

    public BuiltImage this[string service] => _images.TryGetValue(service, out var image)
        ? image
        : throw new InvalidOperationException($"No {service} image was built (is podman installed?).");

    public async ValueTask InitializeAsync()
    {
        if (!Podman.IsInstalled)
        {
            return;
        }

        if (!await Podman.ImageExistsAsync(LocalBaseImage))
        {
            throw new InvalidOperationException($"podman has no {LocalBaseImage}: run sudo eng/install-prereqs.sh --containers to import it.");
        }

        _registry = new ImageRegistry(TestRun.NewDirectory("registry"), PortAllocator.GetFreePort(), TestRun.Log);
        await _registry.StartAsync();
        var baseImage = $"{_registry.Address}/callcenter/aspnet:10.0";
        await Podman.RunAsync("push", "--tls-verify=false", LocalBaseImage, $"docker://{baseImage}");

        // One at a time: each publish uses both cores.
        foreach (var service in Services)
        {
            _images[service] = await BuildAsync(service, baseImage);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var image in _images.Values)
        {
            await Podman.RunAsync("rmi", "--force", image.Reference);
        }

        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }
    }

    private async Task<BuiltImage> BuildAsync(string service, string baseImage)
    {
        var project = Path.Combine(Prerequisites.RepositoryRoot, "src", $"CallCenter.{char.ToUpperInvariant(service[0])}{service[1..]}");
        var registry = _registry!.Address;
        var stopwatch = Stopwatch.StartNew();
        // The build of this test run is reused (--no-build): the image holds exactly what the other tests ran.
        await CommandRunner.RunAsync(
            "dotnet",
            [
                "publish", project, "-c", BuildInfo.Configuration, "--no-build", "-nologo", "-v:q", "-t:PublishContainer",
                $"-p:ContainerBaseImage={baseImage}", $"-p:ContainerRegistry={registry}", $"-p:ContainerImageTag={_tag}",
            ],
            CancellationToken.None,
            new Dictionary<string, string> { ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = registry });
        var buildTime = stopwatch.Elapsed;

        var reference = $"{registry}/callcenter/{service}:{_tag}";
        await Podman.RunAsync("pull", "--quiet", "--tls-verify=false", reference);
        var size = long.Parse(await Podman.InspectImageAsync(reference, "{{.Size}}"), CultureInfo.InvariantCulture);
        var image = new BuiltImage(service, reference, buildTime, size);
        TestRun.Log("images", image.ToString());
        return image;
    }
}

/// <summary>One service image in podman's store, with what building it cost.</summary>
public sealed record BuiltImage(string Service, string Reference, TimeSpan BuildTime, long SizeBytes)
{
    public override string ToString() =>
        $"{Service}: {Reference}, built and pushed in {BuildTime.TotalSeconds:0.0} s, {SizeBytes / 1_000_000.0:0} MB";
}
