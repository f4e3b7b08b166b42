using CallCenter.Ari;
using CallCenter.Ari.Models;
using CallCenter.Ari.Rest;
using CallCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Diagnostics.Checks;

/// <summary>4. SIP: the trunk endpoint's state, and each agent extension registered or not, with its contact.</summary>
public sealed class SipCheck(
    AriClient ari,
    IDbContextFactory<CallCenterDbContext> dbFactory,
    IOptions<DiagnosticsOptions> options,
    TimeProvider time) : IDiagnosticCheck
{
    private const string Technology = "PJSIP";

    public int Order => 4;

    public string Name => "SIP";

    public async Task<DiagnosticCheck> RunAsync(CancellationToken cancellationToken)
    {
        var result = new CheckResult(Name, time);
        IReadOnlyList<AriEndpoint> endpoints;
        try
        {
            endpoints = await ari.Endpoints.ListByTechnologyAsync(Technology, cancellationToken);
        }
        catch (Exception exception) when (exception is AriException or HttpRequestException)
        {
            result.Problem(DiagnosticStatus.Failed, $"ARI could not list the PJSIP endpoints: {exception.Message}", "See the ARI check.");
            return result.Build("");
        }

        var byName = endpoints.ToDictionary(e => e.Resource, StringComparer.Ordinal);
        JudgeTrunk(result, byName);
        var registered = 0;
        var extensions = await AgentExtensionsAsync(byName, cancellationToken);
        foreach (var extension in extensions)
        {
            if (!byName.TryGetValue(extension, out var endpoint))
            {
                result.Saw($"agent {extension}", "no PJSIP endpoint of this name");
                continue;
            }

            var contacts = await ContactsAsync(extension, cancellationToken);
            var online = endpoint.State == "online";
            if (online || contacts.Count > 0)
            {
                registered++;
                result.Saw($"agent {extension}", $"registered: {(contacts.Count > 0 ? string.Join(", ", contacts) : "contact not shown")} ({endpoint.State})");
            }
            else
            {
                result.Saw($"agent {extension}", $"not registered ({endpoint.State ?? "unknown"})");
            }
        }

        if (extensions.Count > 0 && registered == 0)
        {
            result.Problem(DiagnosticStatus.Warning, "No agent phone is registered: calls to the main line find nobody (480, a missed call).",
                "Register a softphone (MicroSIP, Zoiper, Linphone): the SIP address, user = the extension, its password (the AppHost's table or pjsip.conf's [NNNN-auth]); see asterisk/README.md. Asterisk shows them with: asterisk -rx \"pjsip show contacts\".");
        }

        return result.Build($"{registered} of {extensions.Count} agent phones registered" + (options.Value.TrunkEndpoint.Length > 0 ? "; trunk up." : "."));
    }

    private void JudgeTrunk(CheckResult result, Dictionary<string, AriEndpoint> byName)
    {
        var trunk = options.Value.TrunkEndpoint;
        if (trunk.Length == 0)
        {
            return;
        }

        if (!byName.TryGetValue(trunk, out var endpoint))
        {
            result.Saw("trunk", $"no PJSIP endpoint '{trunk}'");
            result.Problem(DiagnosticStatus.Failed, $"There is no PJSIP endpoint '{trunk}': inbound calls from the provider have nowhere to land.",
                $"Define the trunk in pjsip.conf ([{trunk}] type = endpoint, context = from-external, with its aor and identify), or set Diagnostics__TrunkEndpoint to your trunk's endpoint name.");
            return;
        }

        result.Saw("trunk", $"PJSIP/{trunk} {endpoint.State ?? "unknown"}, {endpoint.ChannelIds.Count} channels");
        if (endpoint.State == "offline")
        {
            result.Problem(DiagnosticStatus.Failed, $"The trunk PJSIP/{trunk} is offline: its contact does not answer.",
                $"Check the provider or router address in pjsip.conf ([{trunk}-aor] contact = sip:host:port) and that it answers OPTIONS; Asterisk shows it with: asterisk -rx \"pjsip show endpoint {trunk}\".");
        }
    }

    /// <summary>The active agents of the call log; without any, the numeric PJSIP endpoints (the bundled 1001-1010).</summary>
    private async Task<IReadOnlyList<string>> AgentExtensionsAsync(Dictionary<string, AriEndpoint> endpoints, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agents = await db.Agents.AsNoTracking().Where(a => a.Active).OrderBy(a => a.Extension).Select(a => a.Extension).ToListAsync(cancellationToken);
        return agents.Count > 0
            ? agents
            : [.. endpoints.Keys.Where(name => name.Length > 0 && name.All(char.IsAsciiDigit)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The AOR's contacts ("1001/sip:1001@10.0.0.5:5060" each); none when the AOR does not exist or ARI refuses.</summary>
    private async Task<IReadOnlyList<string>> ContactsAsync(string aor, CancellationToken cancellationToken)
    {
        try
        {
            var fields = await ari.Asterisk.GetConfigObjectAsync("res_pjsip", "aor", aor, cancellationToken);
            return [.. fields.Where(f => f.Attribute == "contact")
                .SelectMany(f => f.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(contact => contact.StartsWith(aor + "/", StringComparison.Ordinal) ? contact[(aor.Length + 1)..] : contact)];
        }
        catch (Exception exception) when (exception is AriException or HttpRequestException)
        {
            return [];
        }
    }
}
