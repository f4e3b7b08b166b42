using System.Diagnostics;
using System.Reflection;
using CallCenter.LocalServers;

namespace CallCenter.Testing.Pbx;

/// <summary>
/// One CallCenter service run from its build output as its own process (<c>dotnet &lt;dll&gt;</c>), configured with
/// environment variables the way the AppHost configures it, so its CPU time and memory can be read from /proc.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly string Configuration =
        typeof(ServiceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    private readonly LocalProcess _process;

    private ServiceProcess(LocalProcess process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public int Id => _process.Id;

    public string Name => _process.Spec.Name;

    /// <summary>The service's HTTP address (health probes; the API's GraphQL endpoint).</summary>
    public Uri BaseUrl { get; }

    public bool HasExited => _process.HasExited;

    public string Tail() => _process.Tail();

    /// <summary>
    /// Starts <paramref name="project"/> (e.g. CallCenter.Api, built in this program's configuration) and waits until its
    /// /health answers 200, or throws with its output.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        string name, string project, IReadOnlyDictionary<string, string> settings, Action<string, string> output, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(Prerequisites.RepositoryRoot, "src", project, "bin", Configuration, "net10.0", project + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build {project} first (dotnet build -c {Configuration} src/{project}): {dll}");
        }

        var baseUrl = new Uri($"http://127.0.0.1:{PortAllocator.GetFreePort()}/");
        var environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_URLS"] = baseUrl.AbsoluteUri.TrimEnd('/'),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        environment.TryAdd("Logging__LogLevel__Default", "Warning");
        // The content root (appsettings.json, the API's console files) is the working directory.
        var process = LocalProcess.Start(
            new LocalProcessSpec(name, "dotnet", [dll]) { WorkingDirectory = Path.GetDirectoryName(dll), Environment = environment, StopTimeout = TimeSpan.FromSeconds(15) },
            output);
        var service = new ServiceProcess(process, baseUrl);
        try
        {
            await service.WaitHealthyAsync(TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
            return service;
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        var last = "no answer";
        while (waited.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited while starting:\n{_process.Tail()}");
            }

            try
            {
                using var response = await client.GetAsync("health", cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = exception.Message;
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Name} was not healthy within {timeout.TotalSeconds:0} s (last: {last}):\n{_process.Tail()}");
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
