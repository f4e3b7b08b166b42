using System.Globalization;
using CallCenter.LocalServers;
using CallCenter.Testing;

namespace CallCenter.Deployment.Tests.Containers;

/// <summary>
/// The ingestion service as a plain process (<c>dotnet CallCenter.Ingestion.dll</c> from this test run's build), the way
/// it runs next to a PBX container on a developer machine, configured by environment variables; ready when /health is.
/// </summary>
public sealed class IngestionProcess(IReadOnlyDictionary<string, string> environment)
    : LocalServer("ingestion", TestRun.NewDirectory("ingestion"), TestRun.Log)
{
    private static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly int _port = PortAllocator.GetFreePort();

    private static string Assembly => Path.Combine(
        Prerequisites.RepositoryRoot, "src", "CallCenter.Ingestion", "bin", BuildInfo.Configuration, "net10.0", "CallCenter.Ingestion.dll");

    public override LocalProcessSpec CreateSpec() => new(Name, "dotnet", [Assembly])
    {
        WorkingDirectory = Path.GetDirectoryName(Assembly),
        Environment = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}",
        },
    };

    public override async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        using var response = await HealthClient.GetAsync(new Uri($"http://127.0.0.1:{_port}/health"), cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public override string Describe() => $"{Assembly} on port {_port}";
}
