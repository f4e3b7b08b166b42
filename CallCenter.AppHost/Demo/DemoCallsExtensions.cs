using System.Globalization;
using CallCenter.AppHost.Asterisk;
using CallCenter.AppHost.Setup;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Demo;

/// <summary>
/// Demo traffic with sipp: "demo-agent" answers what dialplan number 2001 rings, and "demo-calls" places a call every
/// 8 s (at most 5 at once) from the customers in demo-callers.csv: answered with audio and recorded, missed, busy,
/// failed. demo-calls is started from the dashboard, or at once with --demo.
/// </summary>
internal static class DemoCallsExtensions
{
    public static IResourceBuilder<ExecutableResource>? AddDemoCalls(
        this IDistributedApplicationBuilder builder, Installation installation, IResourceBuilder<IAsteriskResource> asterisk)
    {
        if (installation.IsPublishing || asterisk.Resource.Sip is not { } sip)
        {
            return null;
        }

        var scenarios = Path.Combine(AppContext.BaseDirectory, "Demo");
        var folder = installation.RunFolder.ResourceDirectory("demo-calls");
        Directory.CreateDirectory(folder);
        var agent = builder.AddExecutable(
                "demo-agent", Prerequisites.Sipp, folder,
                "-sn", "uas", "-i", "127.0.0.1", "-p", installation.TestAgentPort.ToString(CultureInfo.InvariantCulture), "-rtp_echo", "-nostdin")
            .WithParentRelationship(asterisk.Resource)
            .WaitFor(asterisk)
            .ExcludeFromManifest();
        var calls = builder.AddExecutable(
                "demo-calls", Prerequisites.Sipp, folder,
                "-sf", Path.Combine(scenarios, "demo-calls.xml"),
                "-inf", Path.Combine(scenarios, "demo-callers.csv"),
                $"127.0.0.1:{sip.Port.ToString(CultureInfo.InvariantCulture)}",
                "-i", "127.0.0.1",
                "-p", CallCenter.LocalServers.PortAllocator.GetFreePort(alsoUdp: true).ToString(CultureInfo.InvariantCulture),
                "-r", "1", "-rp", "8000", "-l", "5",
                "-nostdin")
            .WithParentRelationship(asterisk.Resource)
            .WaitFor(asterisk)
            .WaitFor(agent)
            .ExcludeFromManifest();
        return installation.Options.Demo ? calls : calls.WithExplicitStart();
    }
}
