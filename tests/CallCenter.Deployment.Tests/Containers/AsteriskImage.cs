using System.Diagnostics;
using System.Globalization;
using CallCenter.LocalServers;
using CallCenter.Testing;

namespace CallCenter.Deployment.Tests.Containers;

/// <summary>
/// The bundled PBX's image, built by podman from asterisk/Containerfile on the local base eng/install-containers.sh
/// imported (BASE_IMAGE; it already has Asterisk, so the build downloads nothing and runs without a network).
/// </summary>
public sealed class AsteriskImage : IAsyncLifetime
{
    public const string LocalBaseImage = "localhost/callcenter/asterisk-base:22";

    public string Reference { get; } = $"localhost/callcenter/asterisk:test-{Environment.ProcessId}";

    public TimeSpan BuildTime { get; private set; }

    public long SizeBytes { get; private set; }

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

        var folder = Path.Combine(Prerequisites.RepositoryRoot, "asterisk");
        var stopwatch = Stopwatch.StartNew();
        await Podman.RunAsync(
            "build", "--quiet", "--network", "none", "--build-arg", $"BASE_IMAGE={LocalBaseImage}",
            "--tag", Reference, "--file", Path.Combine(folder, "Containerfile"), folder);
        BuildTime = stopwatch.Elapsed;
        SizeBytes = long.Parse(await Podman.InspectImageAsync(Reference, "{{.Size}}"), CultureInfo.InvariantCulture);
        TestRun.Log("images", $"asterisk: {Reference}, built in {BuildTime.TotalSeconds:0.0} s, {SizeBytes / 1_000_000.0:0} MB");
    }

    public async ValueTask DisposeAsync()
    {
        if (BuildTime > TimeSpan.Zero)
        {
            await Podman.RunAsync("rmi", "--force", Reference);
        }
    }
}
