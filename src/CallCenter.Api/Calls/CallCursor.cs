using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CallCenter.Data;

namespace CallCenter.Api.Calls;

/// <summary>
/// An opaque keyset cursor: the sort key and id of an edge. It names the order it was made for, so a cursor
/// from one ordering cannot silently be used with another.
/// </summary>
public sealed record CallCursor(CallOrderField Field, long Key, Guid Id)
{
    /// <summary>Durations sort as whole milliseconds; a call without a duration (still live) sorts as -1.</summary>
    public static long DurationKey(double? seconds) => seconds is { } value ? (long)Math.Round(value * 1000) : -1;

    public static CallCursor For(Call call, CallOrderField field) => field switch
    {
        CallOrderField.Duration => new CallCursor(field, DurationKey(call.DurationSeconds), call.Id),
        _ => new CallCursor(field, call.StartedAt.UtcTicks, call.Id),
    };

    public string Encode()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{(int)Field}:{Key}:{Id:N}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static bool TryDecode(string? value, out CallCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value) || value.Length > 128)
        {
            return false;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = text.Split(':');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var field)
            || !Enum.IsDefined((CallOrderField)field)
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            return false;
        }

        cursor = new CallCursor((CallOrderField)field, key, id);
        return true;
    }
}
