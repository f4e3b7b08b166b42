namespace CallCenter.Persistence.Calls;

/// <summary>The site-specific facts the state machine needs: who is an agent, how recordings are named.</summary>
internal class CallRules
{
    public required int MaxExtensionLength { get; init; }

    public required IReadOnlySet<string> RecordingVariables { get; init; }

    public required string SpoolDirectory { get; init; }

    /// <summary>Extensions of known agents (the agents table).</summary>
    public IReadOnlySet<string> AgentExtensions { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool IsInternalNumber(string? number) =>
        number is { Length: > 0 }
        && (AgentExtensions.Contains(number) || (number.Length <= MaxExtensionLength && number.All(char.IsAsciiDigit)));

    /// <summary>
    /// The ARI stored-recording name for a channel variable's value: either the name itself
    /// (CALLCENTER_RECORDING) or MixMonitor's file path under the spool (MIXMONITOR_FILENAME).
    /// </summary>
    public string? StoredRecordingName(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var name = value.Trim();
        if (name.StartsWith('/'))
        {
            var spool = SpoolDirectory.EndsWith('/') ? SpoolDirectory : SpoolDirectory + "/";
            if (!name.StartsWith(spool, StringComparison.Ordinal))
            {
                // Outside the spool ARI cannot serve it.
                return null;
            }

            name = name[spool.Length..];
        }

        // ARI treats the text after the last dot as the format.
        var dot = name.LastIndexOf('.');
        var slash = name.LastIndexOf('/');
        return dot > slash + 1 ? name[..dot] : name;
    }
}
