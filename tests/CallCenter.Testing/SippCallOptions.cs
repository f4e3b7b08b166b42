namespace CallCenter.Testing;

/// <summary>One sipp caller run: which number, how many calls, how fast, and how each call behaves.</summary>
public sealed record SippCallOptions(string Number)
{
    public SippScenario Scenario { get; init; } = SippScenario.AudioCall;

    /// <summary>Total calls (-m).</summary>
    public int Calls { get; init; } = 1;

    /// <summary>New calls per second (-r).</summary>
    public double Rate { get; init; } = 1;

    /// <summary>
    /// The caller's number (the From user, which the dialplan sees as CALLERID(num)). Null keeps sipp's own
    /// "sipp". Must not be an agent extension (1001-1010): Asterisk identifies requests by From user first.
    /// sipp expands keywords in it: <c>"99871[call_number]"</c> gives every call a number of its own (call numbers
    /// count from 1 per run).
    /// </summary>
    public string? CallerNumber { get; init; }

    /// <summary>
    /// Call as this agent's softphone: the scenario registers with digest authentication, answers the INVITE's
    /// challenge, and the From user is the extension (<see cref="CallerNumber"/> is not used). Supports
    /// <see cref="SippScenario.AudioCall"/> (talks for <see cref="TalkTime"/>) and <see cref="SippScenario.ExpectFinalResponse"/>.
    /// </summary>
    public SippAgentLogin? Agent { get; init; }

    /// <summary>For an <see cref="Agent"/>'s <see cref="SippScenario.AudioCall"/>: how long it talks before hanging up.</summary>
    public TimeSpan TalkTime { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>For <see cref="SippScenario.HangUpWhileRinging"/>: how long the caller lets it ring.</summary>
    public TimeSpan RingSeconds { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>For <see cref="SippScenario.ExpectFinalResponse"/>.</summary>
    public int ExpectedStatus { get; init; } = 486;

    /// <summary>Run sipp with this nice value (e.g. 10): a load generator sharing the cores then yields to the system under test.</summary>
    public int? Niceness { get; init; }

    /// <summary>Record each call's response time (-trace_rtt) into <see cref="SippCallResult.ResponseTimes"/>.</summary>
    public bool RecordResponseTimes { get; init; }

    /// <summary>Hard bound on the whole run; sipp is killed after it (plus a grace period).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
