namespace CallCenter.Api.Diagnostics;

/// <summary>Where one probe dials: a context and a number of the inbound route.</summary>
public sealed record ProbeTarget(string Context, string Number)
{
    /// <summary>Context and extension names go into a Local channel name, so nothing that could split or escape it.</summary>
    public static bool IsValidName(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '.' or '*');
}
