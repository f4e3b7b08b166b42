using System.Globalization;
using System.Text.Json;
using CallCenter.Contracts;
using StackExchange.Redis;

namespace CallCenter.Api.Diagnostics;

/// <summary>
/// Follows the event stream from the probe's start and keeps what concerns the probe's channels: which event types
/// arrived, where the dialplan took the call (ChannelDialplan), and the StasisStart entry with its receive and write times.
/// </summary>
public sealed class ProbeStreamWatcher(IDatabase database, string stream, string probeId, DateTimeOffset startedAt)
{
    private const int PageSize = 500;
    private RedisValue _after = $"{startedAt.AddSeconds(-1).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}-0";

    public List<string> EventTypes { get; } = [];

    /// <summary>"context,exten,priority app(data)" steps of the inbound half, in order.</summary>
    public List<string> DialplanSteps { get; } = [];

    /// <summary>When ingestion received the StasisStart (its receive time), and when Redis stored the entry (the id's time).</summary>
    public (DateTimeOffset ReceivedAt, DateTimeOffset WrittenAt, string EntryId)? StasisStart { get; private set; }

    /// <summary>Reads what was added since the last call.</summary>
    public async Task PollAsync()
    {
        while (true)
        {
            var entries = await database.StreamRangeAsync(stream, "(" + _after, "+", PageSize);
            foreach (var entry in entries)
            {
                _after = entry.Id;
                Take(entry);
            }

            if (entries.Length < PageSize)
            {
                return;
            }
        }
    }

    private void Take(StreamEntry entry)
    {
        if (!IsProbe(entry[AriStreamFields.ChannelId]) && !IsProbe(entry[AriStreamFields.CallKey]))
        {
            return;
        }

        var type = entry[AriStreamFields.Type].ToString();
        EventTypes.Add(type);
        if (type == "StasisStart" && StasisStart is null
            && long.TryParse(entry[AriStreamFields.ReceivedAt].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var received)
            && long.TryParse(entry.Id.ToString().Split('-')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var written))
        {
            StasisStart = (DateTimeOffset.FromUnixTimeMilliseconds(received), DateTimeOffset.FromUnixTimeMilliseconds(written), entry.Id.ToString());
        }

        if (type == "ChannelDialplan" && entry[AriStreamFields.ChannelId] == ProbeOriginator.InboundChannelId(probeId))
        {
            DialplanSteps.Add(Step(entry[AriStreamFields.Data].ToString()));
        }
    }

    private bool IsProbe(RedisValue value) => !value.IsNullOrEmpty && value.ToString().StartsWith(probeId, StringComparison.Ordinal);

    private static string Step(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var location = root.GetProperty("channel").GetProperty("dialplan");
            return $"{Text(location, "context")},{Text(location, "exten")},{(location.TryGetProperty("priority", out var p) ? p.ToString() : "?")} "
                + $"{Text(root, "dialplan_app")}({Text(root, "dialplan_app_data")})";
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "(unreadable ChannelDialplan)";
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
