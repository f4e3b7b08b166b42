using System.Globalization;

namespace CallCenter.Testing;

/// <summary>
/// The scenario files the sipp runner writes for callers sipp has no built-in for. In sipp, [branch-N] repeats
/// the Via branch of the message N scenario steps earlier: a CANCEL, and the ACK of a non-2xx answer, must
/// carry the INVITE's branch (they belong to its transaction), so N counts back to the INVITE at step 0.
/// </summary>
public static class SippScenarios
{
    /// <summary>INVITE, then the caller hangs up after <paramref name="ringFor"/> of ringing (CANCEL, 200, 487, ACK).</summary>
    public static string HangUpWhileRinging(string caller, TimeSpan ringFor) => Scenario(
        "CallCenter caller giving up while ringing",
        caller,
        $"""
          <recv response="100" optional="true"/>
          <recv response="183" optional="true"/>
          <recv response="180"/>
          <pause milliseconds="{((int)ringFor.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}"/>
          <send>
            <![CDATA[
              CANCEL sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch-5]
              From: "{caller}" <sip:{caller}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 CANCEL
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <recv response="200"/>
          <recv response="487"/>
          {Ack(caller, 9)}
        """);

    /// <summary>INVITE, then expect the final response <paramref name="status"/> and acknowledge it.</summary>
    public static string ExpectFinalResponse(string caller, int status) => Scenario(
        $"CallCenter caller expecting {status}",
        caller,
        $"""
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="183" optional="true"/>
          <recv response="{status.ToString(CultureInfo.InvariantCulture)}"/>
          {Ack(caller, 5)}
        """);

    /// <summary>sipp's own uac_pcap scenario (dumped with -sd) with another caller number in From and Contact.</summary>
    public static string WithCaller(string builtInScenario, string caller) => builtInScenario
        .Replace("From: sipp <sip:sipp@", $"From: \"{caller}\" <sip:{caller}@", StringComparison.Ordinal)
        .Replace("Contact: sip:sipp@", $"Contact: sip:{caller}@", StringComparison.Ordinal);

    /// <summary>The ACK of a non-2xx final answer to the INVITE (CSeq <paramref name="cseq"/>) sent <paramref name="stepsBackToInvite"/> steps earlier.</summary>
    public static string Ack(string caller, int stepsBackToInvite, int cseq = 1) =>
        $"""
        <send>
            <![CDATA[
              ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch-{stepsBackToInvite.ToString(CultureInfo.InvariantCulture)}]
              From: "{caller}" <sip:{caller}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: {cseq.ToString(CultureInfo.InvariantCulture)} ACK
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
        """;

    /// <summary>A caller scenario: an INVITE with G.711 A-law SDP from <paramref name="caller"/>, then <paramref name="afterInvite"/>.</summary>
    public static string Scenario(string name, string caller, string afterInvite) => Wrap(name, Invite(caller) + afterInvite);

    /// <summary>A whole scenario file around <paramref name="steps"/>.</summary>
    public static string Wrap(string name, string steps) =>
        $"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="{name}">
        {steps}
        </scenario>
        """;

    /// <summary>An INVITE with G.711 A-law SDP from <paramref name="caller"/> to [service]; <paramref name="extraHeader"/> e.g. [authentication].</summary>
    public static string Invite(string caller, int cseq = 1, string extraHeader = "") =>
        $"""
          <send retrans="500">
            <![CDATA[
              INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "{caller}" <sip:{caller}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: {cseq.ToString(CultureInfo.InvariantCulture)} INVITE
              Contact: sip:{caller}@[local_ip]:[local_port]{(extraHeader.Length > 0 ? "\n" + extraHeader : "")}
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
              s=-
              c=IN IP[media_ip_type] [media_ip]
              t=0 0
              m=audio [media_port] RTP/AVP 8
              a=rtpmap:8 PCMA/8000
            ]]>
          </send>

        """;
}
