using System.Globalization;
using CallCenter.LocalServers;

namespace CallCenter.Deployment.Tests.Containers;

/// <summary>
/// An OCI image registry on loopback (Debian's docker-registry, distribution 2.8), plain http: the .NET SDK takes a base
/// image only from a registry, and no outside one is reachable here. Its storage is a throwaway folder.
/// </summary>
public sealed class ImageRegistry(string dataDirectory, int port, Action<string, string> output)
    : LocalServer("registry", dataDirectory, output)
{
    private static readonly HttpClient ProbeClient = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>host:port, the prefix of the images pushed here.</summary>
    public string Address { get; } = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

    private string ConfigFile => Path.Combine(DataDirectory, "config.yml");

    public override Task PrepareAsync(CancellationToken cancellationToken) => File.WriteAllTextAsync(
        ConfigFile,
        $"""
        version: 0.1
        log:
          level: warn
        storage:
          filesystem:
            rootdirectory: {Path.Combine(DataDirectory, "storage")}
        http:
          addr: {Address}
        """,
        cancellationToken);

    public override LocalProcessSpec CreateSpec() => new(Name, "docker-registry", ["serve", ConfigFile]);

    public override async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        using var response = await ProbeClient.GetAsync(new Uri($"http://{Address}/v2/"), cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    public override string Describe() => $"http://{Address}";
}
