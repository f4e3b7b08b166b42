using NpgsqlTypes;
using Npgsql;

namespace CallCenter.Persistence.Consumption;

/// <summary>One array parameter per column for set-based writes (<c>unnest($1, $2, …)</c>): one value per row.</summary>
internal static class UnnestParameters
{
    public static NpgsqlParameter<T[]> Array<TRow, T>(IReadOnlyCollection<TRow> rows, Func<TRow, T> value) =>
        new() { TypedValue = [.. rows.Select(value)] };

    // timestamptz takes UTC offsets only.
    public static NpgsqlParameter Timestamps<TRow>(IReadOnlyCollection<TRow> rows, Func<TRow, DateTimeOffset> value) =>
        new NpgsqlParameter<DateTimeOffset[]>
        {
            TypedValue = [.. rows.Select(r => value(r).ToUniversalTime())],
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        };

    public static NpgsqlParameter Timestamps<TRow>(IReadOnlyCollection<TRow> rows, Func<TRow, DateTimeOffset?> value) =>
        new NpgsqlParameter<DateTimeOffset?[]>
        {
            TypedValue = [.. rows.Select(r => value(r)?.ToUniversalTime())],
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        };

    /// <summary>Enums are stored as lowercase text.</summary>
    public static string Lower<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
