namespace CallCenter.Persistence.Calls;

/// <summary>Fits text from Asterisk into the call log's columns: cut to the column's length, empty stored as null.</summary>
internal static class ColumnText
{
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? Truncate(string? value, int maxLength) =>
        value is null || value.Length <= maxLength ? value : value[..maxLength];

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
