using System.Text.Json;
using CallCenter.Contracts;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CallCenter.Api.Diagnostics.Checks;

/// <summary>
/// 3. The channel variables ari.conf must send arrive: recent channel events in the stream carry CHANNEL(linkedid)
/// (the call key) and the recording variable.
/// </summary>
public sealed class ChannelVariablesCheck(IConnectionMultiplexer redis, IOptions<DiagnosticsOptions> options, TimeProvider time) : IDiagnosticCheck
{
    private const string LinkedId = "CHANNEL(linkedid)";
    private const string Recording = "CALLCENTER_RECORDING";
    private const string AriConfLine = "In Asterisk's ari.conf, [general]: channelvars = CHANNEL(linkedid),CALLCENTER_RECORDING — then asterisk -rx \"module reload res_ari.so\" (or restart Asterisk).";

    public int Order => 3;

    public string Name => "Channel variables";

    public async Task<DiagnosticCheck> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var result = new CheckResult(Name, time);
        var entries = await redis.GetDatabase().StreamRangeAsync(settings.StreamName, "-", "+", settings.RecentEntries, messageOrder: StackExchange.Redis.Order.Descending);
        int channelEvents = 0, withLinkedId = 0, withRecording = 0, recordingSet = 0;
        foreach (var entry in entries)
        {
            if (Channelvars(entry) is not { } variables)
            {
                continue;
            }

            channelEvents++;
            withLinkedId += variables.TryGetValue(LinkedId, out var linkedId) && linkedId.Length > 0 ? 1 : 0;
            if (variables.TryGetValue(Recording, out var recording))
            {
                withRecording++;
                recordingSet += recording.Length > 0 ? 1 : 0;
            }
        }

        result.Saw("entries read", $"the newest {entries.Length} of stream {settings.StreamName}");
        result.Saw("channel events", channelEvents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (channelEvents == 0)
        {
            result.Problem(DiagnosticStatus.Warning, "No recent channel events to look at.",
                "Make a call, or run the test call (runCallPathProbe), then check again.");
            return result.Build("");
        }

        result.Saw(LinkedId, $"in {withLinkedId} of {channelEvents}");
        result.Saw(Recording, $"sent in {withRecording} of {channelEvents}, set in {recordingSet}");
        if (withLinkedId == 0)
        {
            result.Problem(DiagnosticStatus.Failed, "Events do not carry CHANNEL(linkedid): the legs of a call cannot be joined into one call.", AriConfLine);
        }
        else if (withLinkedId < channelEvents)
        {
            result.Problem(DiagnosticStatus.Warning, $"Only {withLinkedId} of {channelEvents} channel events carry CHANNEL(linkedid) (ari.conf was changed recently?).", AriConfLine);
        }

        if (withRecording == 0)
        {
            result.Problem(DiagnosticStatus.Failed, "Events do not carry CALLCENTER_RECORDING: calls are not linked to their recordings.", AriConfLine);
        }

        return result.Build($"Recent events carry {LinkedId} and {Recording}.");
    }

    private static Dictionary<string, string>? Channelvars(StreamEntry entry)
    {
        if (entry[AriStreamFields.Kind] != AriStreamEntry.EventKindValue || entry[AriStreamFields.Data] is not { IsNullOrEmpty: false } data)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(data.ToString());
            if (!document.RootElement.TryGetProperty("channel", out var channel) || channel.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            if (channel.TryGetProperty("channelvars", out var channelvars) && channelvars.ValueKind == JsonValueKind.Object)
            {
                foreach (var variable in channelvars.EnumerateObject())
                {
                    variables[variable.Name] = variable.Value.ValueKind == JsonValueKind.String ? variable.Value.GetString() ?? "" : "";
                }
            }

            return variables;
        }
        catch (JsonException)
        {
            // Malformed frames are the dead-letter stream's business.
            return null;
        }
    }
}
