using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallCenter.Ari.Internal;

/// <summary>
/// Asterisk writes timestamps as "2024-05-01T10:00:00.123+0000" (offset without a colon), which System.Text.Json rejects.
/// Unparseable values become null: a timestamp is metadata and must not cost us the event.
/// </summary>
internal sealed class AriTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        return TryParse(reader.GetString(), out var value) ? value : null;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } timestamp)
        {
            writer.WriteStringValue(timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    internal static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        // "+0000" -> "+00:00" so the standard ISO 8601 parser accepts it.
        if (text.Length > 5 && text[^5] is '+' or '-' && char.IsAsciiDigit(text[^1]) && text[^3] != ':')
        {
            text = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
