using System.Globalization;
using CallCenter.Testing.Measurement;

namespace CallCenter.Testing.Pbx;

/// <summary>
/// The SIP load of the whole-stack runs: trunk calls to the main line (the dialplan rings every agent; MixMonitor
/// records each call) answered at once by agent 1001's registered sipp softphone, which echoes the caller until the
/// caller hangs up after sipp's uac_pcap audio (about 9 s). Every call has a caller number of its own (a run's prefix
/// and sipp's call number), so each call can be found in the log.
/// </summary>
public sealed class MainLineLoad : IAsyncDisposable
{
    /// <summary>A number with no route of its own: the main line, which rings every agent (asterisk/README.md).</summary>
    public const string MainLine = "5550100";

    /// <summary>The agent whose softphone answers every call.</summary>
    public const string Agent = "1001";

    private readonly CallCenterStack _stack;
    private readonly SippSoftphone _phone;
    private readonly int? _niceness;

    private MainLineLoad(CallCenterStack stack, SippSoftphone phone, int? niceness)
    {
        _stack = stack;
        _phone = phone;
        _niceness = niceness;
    }

    /// <summary>CPU seconds the agent's softphone (part of the load generator) has used so far.</summary>
    public double PhoneCpuSeconds => ProcessSampler.CpuSeconds(_phone.ProcessId);

    /// <summary>
    /// Registers the agent's softphone for <paramref name="lifetime"/> (at most 2 h). <paramref name="niceness"/>: run the
    /// softphone and the callers under nice, so the load generator yields the cores to the system under test.
    /// </summary>
    public static async Task<MainLineLoad> RegisterAgentAsync(CallCenterStack stack, TimeSpan lifetime, int? niceness, CancellationToken cancellationToken = default)
    {
        using var ari = stack.CreateAriClient();
        var phone = await SippSoftphone.RegisterAsync(
            ari, stack.Asterisk.SipPort, Agent, stack.Asterisk.AgentPasswords[Agent], ringFor: TimeSpan.Zero,
            lifetime: lifetime, niceness: niceness, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new MainLineLoad(stack, phone, niceness);
    }

    /// <summary>The caller number of call <paramref name="callNumber"/> (1-based, as sipp counts) of the run with <paramref name="callerPrefix"/>.</summary>
    public static string CallerNumber(string callerPrefix, int callNumber) => callerPrefix + callNumber.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Places <paramref name="calls"/> calls at <paramref name="rate"/> per second and returns when all have ended, with
    /// each call's setup time (INVITE to 200 OK) and sipp's own CPU time. Prefixes of one program run must all have the
    /// same length, so that no two runs' caller numbers can coincide.
    /// </summary>
    public Task<SippCallResult> PlaceCallsAsync(double rate, int calls, string callerPrefix, CancellationToken cancellationToken = default) =>
        new SippRunner("127.0.0.1", _stack.Asterisk.SipPort, TestRun.Log).PlaceCallsAsync(
            new SippCallOptions(MainLine)
            {
                Calls = calls,
                Rate = rate,
                CallerNumber = callerPrefix + "[call_number]",
                Niceness = _niceness,
                RecordResponseTimes = true,
                // Placing them takes calls/rate; the last one talks about 9 s more; and a PBX at its limit is slow.
                Timeout = TimeSpan.FromSeconds((calls / rate) + 120),
            },
            cancellationToken);

    public string PhoneTail() => _phone.Tail();

    public ValueTask DisposeAsync() => _phone.DisposeAsync();
}
