using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallCenter.AppHost.Local;
using CallCenter.AppHost.Setup;
using Microsoft.Extensions.Hosting;

namespace CallCenter.AppHost.Ready;

/// <summary>
/// Writes .callcenter/endpoints.json once every resource of the stack is healthy (demo calls aside, which start on
/// request), prints the short summary, and removes the file when the AppHost stops.
/// </summary>
internal sealed class EndpointsFile(
    string path,
    IReadOnlyList<EndpointsEntry> entries,
    IReadOnlyList<IResource> stack,
    ResourceNotificationService notifications)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly TimeSpan WaitingReportInterval = TimeSpan.FromSeconds(20);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        // A resource that exits or fails to start may be started again from the dashboard: keep waiting, and say so.
        var healthy = Task.WhenAll(stack.Select(resource => notifications.WaitForResourceHealthyAsync(resource.Name, WaitBehavior.WaitOnResourceUnavailable, stoppingToken)));
        try
        {
            // A stack that takes long says what it waits for, rather than hanging in silence.
            while (await Task.WhenAny(healthy, Task.Delay(WaitingReportInterval, stoppingToken)).ConfigureAwait(false) != healthy)
            {
                Console.WriteLine($"still waiting for: {string.Join(", ", stack.Where(IsNotHealthy).Select(DescribeState))}");
            }

            await healthy.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var document = new JsonObject
        {
            ["appHostPid"] = Environment.ProcessId,
            ["startedAt"] = DateTimeOffset.UtcNow,
            ["dataFolder"] = Path.GetDirectoryName(path),
            ["resources"] = new JsonArray([.. stack.Select(Describe)]),
        };
        var summary = new List<string>();
        foreach (var entry in entries)
        {
            await entry.AddToAsync(document, summary, stoppingToken).ConfigureAwait(false);
        }

        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, document.ToJsonString(Indented), stoppingToken).ConfigureAwait(false);
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);

        Console.WriteLine($"""

            CallCenter is running ({stack.Count} resources healthy). Ctrl+C stops everything; the data is kept (--reset wipes it).
            {string.Join(Environment.NewLine, summary).Replace("{endpoints.json}", path, StringComparison.Ordinal)}
            Everything as JSON: {path}

            """);
    }

    public void Remove() => File.Delete(path);

    /// <summary>Runs <see cref="RunAsync"/> in the background; a failure is printed, as nothing awaits it.</summary>
    public async Task RunReportingFailureAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"endpoints.json was not written: {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
        }
    }

    private bool IsNotHealthy(IResource resource) =>
        !notifications.TryGetCurrentState(resource.Name, out var current) || current.Snapshot.HealthStatus != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;

    private string DescribeState(IResource resource)
    {
        if (!notifications.TryGetCurrentState(resource.Name, out var current))
        {
            return $"{resource.Name} (not seen)";
        }

        // Why it is unhealthy, when a check says so: "redis does not answer yet" or the probe's error.
        var reason = current.Snapshot.HealthReports.FirstOrDefault(report => report.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy) is { } report
            ? $": {report.Description ?? report.ExceptionText?.Split('\n')[0] ?? "no reason given"}"
            : "";
        return $"{resource.Name} ({current.Snapshot.State?.Text ?? "no state"}, {current.Snapshot.HealthStatus?.ToString() ?? "no health"}{reason})";
    }

    /// <summary>The resources the file waits for and describes: everything declared but the dashboard and what starts on request.</summary>
    public static bool IsPartOfTheStack(IResource resource) =>
        resource is ProjectResource or LocalServerResource or ContainerResource or IResourceWithConnectionString
        && !resource.Annotations.OfType<ExplicitStartupAnnotation>().Any()
        && resource.Name != "aspire-dashboard";

    private JsonObject Describe(IResource resource)
    {
        var entry = new JsonObject { ["name"] = resource.Name };
        if (notifications.TryGetCurrentState(resource.Name, out var current))
        {
            entry["type"] = current.Snapshot.ResourceType;
            entry["state"] = current.Snapshot.State?.Text;
            entry["urls"] = new JsonArray([.. current.Snapshot.Urls.Where(url => !url.IsInternal).Select(url => JsonValue.Create(url.Url))]);
            if (current.Snapshot.Properties.FirstOrDefault(property => property.Name.EndsWith(".pid", StringComparison.Ordinal))?.Value is { } pid)
            {
                entry["pid"] = JsonValue.Create(Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return entry;
    }
}

internal static class EndpointsFileExtensions
{
    public static void AddEndpointsFile(this IDistributedApplicationBuilder builder, Installation installation, params EndpointsEntry[] entries)
    {
        if (installation.IsPublishing)
        {
            return;
        }

        // Started with the application rather than as a hosted service: Aspire's own start completes only once every
        // resource was created, which includes the waits this file reports on.
        builder.Eventing.Subscribe<BeforeStartEvent>((startEvent, cancellationToken) =>
        {
            // The list is taken here, not in the background task: Aspire's later BeforeStartEvent subscribers (the
            // dashboard's) still add to the model, and enumerating it meanwhile threw "Collection was modified", which
            // left the stack running without endpoints.json or the summary (seen once in ten starts).
            var file = new EndpointsFile(
                installation.RunFolder.EndpointsFile,
                entries,
                [.. startEvent.Model.Resources.Where(EndpointsFile.IsPartOfTheStack)],
                startEvent.Services.GetRequiredService<ResourceNotificationService>());
            var lifetime = startEvent.Services.GetRequiredService<IHostApplicationLifetime>();
            lifetime.ApplicationStopping.Register(file.Remove);
            _ = Task.Run(() => file.RunReportingFailureAsync(lifetime.ApplicationStopping), lifetime.ApplicationStopping);
            return Task.CompletedTask;
        });
    }
}
