using CallCenter.Ari.Events;
using CallCenter.Contracts;
using CallCenter.Ingestion.AriEvents;
using CallCenter.Testing;

namespace CallCenter.Ingestion.Tests;

/// <summary>The hot path writes an event's fields from its bytes; they must read back as the contract's entry.</summary>
public sealed class StreamEntryFactoryTests
{
    [Fact]
    public void Event_fields_read_back_as_the_stream_contract_with_the_frame_unchanged()
    {
        var frame = FakeAriServer.ChannelEvent("ChannelStateChange", "1700000000.42", 7).Replace("\"Ring\"", "\"Up \\u00e9\"", StringComparison.Ordinal);
        var ariEvent = Assert.IsAssignableFrom<AriEvent>(AriEventParser.Parse(System.Text.Encoding.UTF8.GetBytes(frame).AsSpan()));
        var receivedAt = new DateTimeOffset(2026, 11, 22, 10, 0, 0, 123, TimeSpan.Zero);

        var fields = new StreamEntryFactory("conn").ForEvent(ariEvent, receivedAt, out var eventId);

        var pairs = Enumerable.Range(0, fields.Length / 2).Select(i => KeyValuePair.Create((string)fields[2 * i]!, (string)fields[(2 * i) + 1]!)).ToList();
        Assert.True(AriStreamEntry.TryParse(pairs, out var entry, out var error), error);
        Assert.Equal(
            new AriStreamEntry(AriStreamEntryKind.Event, "ChannelStateChange", "1700000000.42", "1700000000.42", "00:11:22:33:44:55", receivedAt, eventId, frame),
            entry);
        Assert.Equal("conn:1", eventId);
        // Same names, same order as the contract's own writer.
        Assert.Equal(entry!.ToFields().Select(f => f.Key), pairs.Select(p => p.Key));
    }
}
