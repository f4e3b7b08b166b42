using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CallCenter.Ari.Internal;

namespace CallCenter.Ari.Events;

/// <summary>Turns one complete WebSocket frame into a stream item. Never throws: bad input becomes <see cref="AriMalformedFrame"/>.</summary>
public static class AriEventParser
{
    private static readonly FrozenDictionary<string, JsonTypeInfo> TypeInfoByEventType = new Dictionary<string, JsonTypeInfo>
    {
        ["StasisStart"] = AriJsonContext.Default.StasisStart,
        ["StasisEnd"] = AriJsonContext.Default.StasisEnd,
        ["ChannelCreated"] = AriJsonContext.Default.ChannelCreated,
        ["ChannelStateChange"] = AriJsonContext.Default.ChannelStateChange,
        ["ChannelDialplan"] = AriJsonContext.Default.ChannelDialplan,
        ["ChannelVarset"] = AriJsonContext.Default.ChannelVarset,
        ["ChannelHangupRequest"] = AriJsonContext.Default.ChannelHangupRequest,
        ["ChannelDestroyed"] = AriJsonContext.Default.ChannelDestroyed,
        ["ChannelEnteredBridge"] = AriJsonContext.Default.ChannelEnteredBridge,
        ["ChannelLeftBridge"] = AriJsonContext.Default.ChannelLeftBridge,
        ["Dial"] = AriJsonContext.Default.Dial,
        ["ChannelHold"] = AriJsonContext.Default.ChannelHold,
        ["ChannelUnhold"] = AriJsonContext.Default.ChannelUnhold,
        ["ChannelCallerId"] = AriJsonContext.Default.ChannelCallerId,
        ["ChannelConnectedLine"] = AriJsonContext.Default.ChannelConnectedLine,
        ["BridgeCreated"] = AriJsonContext.Default.BridgeCreated,
        ["BridgeDestroyed"] = AriJsonContext.Default.BridgeDestroyed,
        ["BridgeBlindTransfer"] = AriJsonContext.Default.BridgeBlindTransfer,
        ["BridgeAttendedTransfer"] = AriJsonContext.Default.BridgeAttendedTransfer,
        ["RecordingStarted"] = AriJsonContext.Default.RecordingStarted,
        ["RecordingFinished"] = AriJsonContext.Default.RecordingFinished,
        ["RecordingFailed"] = AriJsonContext.Default.RecordingFailed,
        ["PlaybackStarted"] = AriJsonContext.Default.PlaybackStarted,
        ["PlaybackFinished"] = AriJsonContext.Default.PlaybackFinished,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static AriStreamItem Parse(string frame)
    {
        var item = Parse(Encoding.UTF8.GetBytes(frame));
        // The text is at hand already: spare decoding it again.
        return item is AriEvent parsed ? parsed with { RawJson = frame } : item;
    }

    /// <summary>Parses a frame; the event keeps its own copy of the bytes (<see cref="AriEvent.RawUtf8"/>), so the buffer can be reused.</summary>
    public static AriStreamItem Parse(ReadOnlySpan<byte> utf8Frame) => Parse(utf8Frame.ToArray());

    private static AriStreamItem Parse(byte[] utf8Frame)
    {
        try
        {
            var type = ReadTopLevelType(utf8Frame);
            if (type is null)
            {
                return new AriMalformedFrame(Encoding.UTF8.GetString(utf8Frame), "Frame has no string \"type\" property at the top level.");
            }

            var typeInfo = TypeInfoByEventType.GetValueOrDefault(type, AriJsonContext.Default.UnknownAriEvent);
            if (JsonSerializer.Deserialize(utf8Frame, typeInfo) is not AriEvent parsed)
            {
                return new AriMalformedFrame(Encoding.UTF8.GetString(utf8Frame), "Frame deserialized to nothing.");
            }

            return parsed with { RawUtf8 = utf8Frame };
        }
        catch (Exception ex)
        {
            return new AriMalformedFrame(Encoding.UTF8.GetString(utf8Frame), $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static string? ReadTopLevelType(ReadOnlySpan<byte> utf8Frame)
    {
        var reader = new Utf8JsonReader(utf8Frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }
}
