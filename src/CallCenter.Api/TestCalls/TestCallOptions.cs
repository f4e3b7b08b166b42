namespace CallCenter.Api.TestCalls;

/// <summary>
/// The supervisors' test call (simulateIncomingCall), bound from the "TestCalls" configuration section. It makes the
/// PBX ring its agents, so it is off outside Development unless <see cref="Enabled"/> says otherwise.
/// </summary>
public sealed class TestCallOptions
{
    public const string SectionName = "TestCalls";

    /// <summary>Allow test calls; null means "in Development only".</summary>
    public bool? Enabled { get; set; }

    /// <summary>Dialplan context where trunk calls enter the PBX (asterisk/extensions.conf: [from-external]).</summary>
    public string InboundContext { get; set; } = "from-external";

    /// <summary>The number a test call dials when none is given: one without a route of its own rings every agent.</summary>
    public string MainLine { get; set; } = "5550100";

    /// <summary>
    /// Where the simulated caller's own half of the call waits once an agent answers (asterisk/extensions.conf:
    /// [callcenter-test-caller], which echoes the agent and ends the call after a while).
    /// </summary>
    public string CallerContext { get; set; } = "callcenter-test-caller";

    public string CallerExtension { get; set; } = "s";

    /// <summary>How long the simulated caller waits for an answer before giving up (longer than the agents ring).</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
