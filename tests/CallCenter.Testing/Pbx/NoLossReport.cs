namespace CallCenter.Testing.Pbx;

/// <summary>What a load run left behind, compared with what sipp placed: <see cref="Problems"/> is empty when nothing was lost.</summary>
public sealed record NoLossReport
{
    public int Placed { get; init; }

    public int SippSuccessful { get; init; }

    public int SippFailed { get; init; }

    /// <summary>Placed calls found in the log exactly once.</summary>
    public int LoggedOnce { get; init; }

    public int Missing { get; init; }

    /// <summary>Placed calls with more than one row in the log.</summary>
    public int Duplicated { get; init; }

    /// <summary>Logged once, but not COMPLETED, inbound, to the main line, answered by the agent.</summary>
    public int WrongOutcome { get; init; }

    /// <summary>Rows in the log that are none of the placed calls.</summary>
    public int Unexpected { get; init; }

    /// <summary>Answered calls whose one recording is completed and whose blob has the recorded size and SHA-256.</summary>
    public int RecordingsVerified { get; init; }

    public int RecordingsExpected { get; init; }

    public int SpoolFilesLeft { get; init; }

    /// <summary>Logged calls whose final version and status the subscriber received.</summary>
    public int SubscriberSawFinal { get; init; }

    public int SubscriberOutOfOrder { get; init; }

    /// <summary>Why the subscription ended early, if it did.</summary>
    public string? SubscriberEnded { get; init; }

    /// <summary>Up to a few examples per kind of problem, for the failure message.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool NothingLost => Problems.Count == 0;

    public override string ToString() =>
        $"placed {Placed} (sipp: {SippSuccessful} successful, {SippFailed} failed); logged once {LoggedOnce}, missing {Missing}, duplicated {Duplicated}, " +
        $"wrong outcome {WrongOutcome}, unexpected {Unexpected}; recordings verified {RecordingsVerified}/{RecordingsExpected}, spool files left {SpoolFilesLeft}; " +
        $"subscriber saw the final state of {SubscriberSawFinal}, out of order {SubscriberOutOfOrder}{(SubscriberEnded is null ? "" : ", ended: " + SubscriberEnded)}" +
        (Problems.Count == 0 ? "" : "\n" + string.Join("\n", Problems));
}
