using CallCenter.LocalServers;

namespace CallCenter.Deployment.Tests.Containers;

/// <summary>
/// The service containers of one test, started in the order the AppHost starts the services (the worker migrates the
/// schema the API waits for), each on a free port and ready once its /health answers 200.
/// </summary>
public sealed class ContainerStack : IAsyncDisposable
{
    private static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly List<PodmanContainer> _containers = [];

    private ContainerStack()
    {
    }

    public IReadOnlyList<PodmanContainer> Containers => _containers;

    public static async Task<ContainerStack> StartAsync(ServiceImages images, ContainerSettings settings, bool withApi)
    {
        var stack = new ContainerStack();
        try
        {
            await stack.StartAsync(images["persistence"], settings.Persistence);
            await stack.StartAsync(images["ingestion"], settings.Ingestion);
            if (withApi)
            {
                await stack.StartAsync(images["api"], settings.Api);
            }

            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Reverse order: the API and ingestion go before the worker they feed or read.
        for (var i = _containers.Count - 1; i >= 0; i--)
        {
            await _containers[i].DisposeAsync();
        }
    }

    private async Task StartAsync(BuiltImage image, Func<int, Dictionary<string, string>> environment)
    {
        var port = PortAllocator.GetFreePort();
        var container = new PodmanContainer(
            $"callcenter-test-{image.Service}-{Environment.ProcessId}-{_containers.Count}-{Guid.NewGuid().ToString("N")[..6]}",
            image.Reference,
            environment(port),
            cancellationToken => IsHealthyAsync(port, cancellationToken));
        _containers.Add(container);
        await container.StartAsync();
    }

    private static async Task<bool> IsHealthyAsync(int port, CancellationToken cancellationToken)
    {
        using var response = await HealthClient.GetAsync(new Uri($"http://127.0.0.1:{port}/health"), cancellationToken);
        return response.IsSuccessStatusCode;
    }
}
