using System.Buffers;
using System.Text.Json;

namespace CallCenter.Persistence.Calls;

/// <summary>Builds the small JSON object stored per timeline event (<c>call_events.details</c>).</summary>
internal sealed class EventDetails
{
    private readonly List<KeyValuePair<string, object>> _values = [];

    public void Add(string name, object? value)
    {
        if (value is null || (value is string text && text.Length == 0))
        {
            return;
        }

        _values.RemoveAll(pair => pair.Key == name);
        _values.Add(new(name, value));
    }

    // One buffer and writer per thread, reset for every event, instead of a new stream and writer for each timeline row.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public string ToJson()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var (name, value) in _values)
        {
            switch (value)
            {
                case int number:
                    writer.WriteNumber(name, number);
                    break;
                case bool flag:
                    writer.WriteBoolean(name, flag);
                    break;
                default:
                    writer.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }

        writer.WriteEndObject();
        writer.Flush();

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
