using System.Text.Json.Nodes;
using CallCenter.AppHost.Asterisk;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Ready;

/// <summary>ari (base URL, events URL, credentials) and sip (address and each agent's account) of the bundled Asterisk.</summary>
internal sealed class AsteriskEntry(IResourceBuilder<IAsteriskResource> asterisk) : EndpointsEntry
{
    public override async Task AddToAsync(JsonObject document, IList<string> summary, CancellationToken cancellationToken)
    {
        var resource = asterisk.Resource;
        var baseUrl = await ValueAsync(resource.AriBaseUrl, cancellationToken).ConfigureAwait(false);
        var username = await ValueAsync(resource.AriUsername, cancellationToken).ConfigureAwait(false);
        document["ari"] = new JsonObject
        {
            ["baseUrl"] = baseUrl,
            ["eventsUrl"] = $"ws{baseUrl["http".Length..]}events?app={AsteriskServer.AriApplication}",
            ["username"] = username,
            ["password"] = await ValueAsync(resource.AriPassword, cancellationToken).ConfigureAwait(false),
            ["application"] = AsteriskServer.AriApplication,
        };
        summary.Add($"ARI          {baseUrl}  (user {username}, app {AsteriskServer.AriApplication})");

        if (resource.Sip is { } sip)
        {
            var agents = new JsonArray();
            foreach (var (extension, password) in sip.AgentPasswords.OrderBy(agent => agent.Key, StringComparer.Ordinal))
            {
                agents.Add(new JsonObject { ["username"] = extension, ["password"] = await password.GetValueAsync(cancellationToken).ConfigureAwait(false) });
            }

            document["sip"] = new JsonObject
            {
                ["host"] = sip.Host,
                ["port"] = sip.Port,
                ["transport"] = "udp",
                ["agents"] = agents,
            };
            summary.Add($"SIP          udp {sip.Host}:{sip.Port}  (agents 1001-1010, passwords in endpoints.json sip.agents; 2000 answers)");

            // The trunk's simulated provider: which outside numbers do what (asterisk/README.md).
            document["provider"] = new JsonObject
            {
                ["host"] = "127.0.0.1",
                ["port"] = sip.ProviderPort,
                ["transport"] = "udp",
                ["numbers"] = new JsonObject
                {
                    ["answers"] = "any other 5+ digits or +...",
                    ["ringsOut"] = "5552XXX",
                    ["busy"] = "5553XXX",
                    ["unreachable"] = "5554XXX",
                    ["congested"] = "5555XXX",
                },
            };
            summary.Add($"Provider     udp 127.0.0.1:{sip.ProviderPort}  (simulated trunk: 5552XXX rings out, 5553XXX busy, 5554XXX unreachable, 5555XXX congested, others answer)");
        }
    }
}
