using System.Globalization;
using CallCenter.LocalServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallCenter.AppHost.Stopping;

/// <summary>
/// DCP runs each project through <c>dotnet run --no-build</c> and stops that wrapper, not the service under it. Measured
/// here, the wrapper passes no signal on: DCP kills it after its grace period and the orphaned service runs on until it
/// is killed too, 13–14 s after the AppHost's SIGTERM, although a service given SIGTERM itself stops in under a second.
/// So when the AppHost stops, it sends SIGTERM to each service process (the wrapper's children) first.
/// </summary>
internal static class ServiceStopForwarding
{
    public static void ForwardStopToServices(this IDistributedApplicationBuilder builder)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((startEvent, _) =>
        {
            var notifications = startEvent.Services.GetRequiredService<ResourceNotificationService>();
            var projects = startEvent.Model.Resources.OfType<ProjectResource>().Select(project => project.Name).ToList();
            startEvent.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() =>
            {
                foreach (var wrapper in projects.Select(name => WrapperPid(notifications, name)).OfType<int>())
                {
                    foreach (var service in Children(wrapper))
                    {
                        UnixSignals.Send(service, UnixSignals.SigTerm);
                    }
                }
            });
            return Task.CompletedTask;
        });
    }

    /// <summary>The PID DCP started for the resource (its snapshot's <c>executable.pid</c>), if it runs.</summary>
    private static int? WrapperPid(ResourceNotificationService notifications, string name) =>
        notifications.TryGetCurrentState(name, out var current)
        && current.Snapshot.Properties.FirstOrDefault(property => property.Name.EndsWith(".pid", StringComparison.Ordinal))?.Value is { } pid
            ? Convert.ToInt32(pid, CultureInfo.InvariantCulture)
            : null;

    private static IEnumerable<int> Children(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/task/{pid.ToString(CultureInfo.InvariantCulture)}/children")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(child => int.Parse(child, CultureInfo.InvariantCulture))
                .ToList();
        }
        catch (IOException)
        {
            // Gone already, or not Linux: DCP stops it as before.
            return [];
        }
    }
}
