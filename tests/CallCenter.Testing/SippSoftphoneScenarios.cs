using System.Globalization;

namespace CallCenter.Testing;

/// <summary>
/// Scenarios for sipp playing an agent's softphone: it registers its extension with digest authentication
/// (sipp's -au/-ap answer the 401 challenge, as for the INVITE after it) and then calls out, or waits for
/// calls and answers them. A softphone's REGISTER and INVITE share sipp's one Call-ID per scenario call.
/// </summary>
public static class SippSoftphoneScenarios
{
    /// <summary>Registers, then calls [service]; after the answer talks (G.711 audio) for <paramref name="talk"/> and hangs up.</summary>
    public static string CallAndTalk(string extension, TimeSpan talk) => SippScenarios.Wrap(
        $"CallCenter agent {extension} calling and talking",
        Register(extension) + AuthenticatedInvite(extension) +
        $"""
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="183" optional="true"/>
          <recv response="200" rtd="true"/>
          <send>
            <![CDATA[
              ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "{extension}" <sip:{extension}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: {InviteCSeq} ACK
              Contact: sip:{extension}@[local_ip]:[local_port]
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          {PlayAudio(talk)}
          <send retrans="500">
            <![CDATA[
              BYE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "{extension}" <sip:{extension}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: {InviteCSeq + 1} BYE
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <recv response="200"/>
        """);

    /// <summary>Registers, calls [service] and expects the final answer <paramref name="status"/> (486, 404, 480, 503 ...).</summary>
    public static string CallExpecting(string extension, int status) => SippScenarios.Wrap(
        $"CallCenter agent {extension} calling, expecting {status}",
        Register(extension) + AuthenticatedInvite(extension) +
        $"""
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="183" optional="true"/>
          <recv response="{status.ToString(CultureInfo.InvariantCulture)}"/>
          {SippScenarios.Ack(extension, 5, InviteCSeq)}
        """);

    /// <summary>
    /// Registers (for as long as it stays up, within Asterisk's 2 h maximum: there is no re-registration) and then
    /// stays up for <paramref name="lifetime"/>; calls to it are answered by <see cref="Answer"/> (sipp -oocsf).
    /// </summary>
    public static string RegisterAndWait(string extension, TimeSpan lifetime) => SippScenarios.Wrap(
        $"CallCenter agent {extension} registered",
        Register(extension, (int)Math.Clamp(lifetime.TotalSeconds + 60, DefaultExpirySeconds, MaximumExpirySeconds)) +
        $"""  <pause milliseconds="{Milliseconds(lifetime)}"/>""");

    /// <summary>
    /// The out-of-call scenario of a registered softphone: every INVITE rings for <paramref name="ringFor"/> and is answered
    /// (sipp -rtp_echo echoes the caller); then the phone waits for the caller's BYE, or with <paramref name="hangUpAfter"/>
    /// plays audio for that long and hangs up itself.
    /// </summary>
    public static string Answer(string extension, TimeSpan ringFor, TimeSpan? hangUpAfter) => SippScenarios.Wrap(
        $"CallCenter agent {extension} answering",
        $"""
          {(hangUpAfter is null ? "<recv request=\"INVITE\"/>" : RecvInviteNotingCaller)}
          <send>
            <![CDATA[
              SIP/2.0 180 Ringing
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:{extension}@[local_ip]:[local_port]>
              Content-Length: 0
            ]]>
          </send>
          <pause milliseconds="{Milliseconds(ringFor)}"/>
          <send retrans="500">
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:{extension}@[local_ip]:[local_port]>
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
          <recv request="ACK"/>
        {(hangUpAfter is { } talk ? HangUp(extension, talk) : AwaitBye())}
        """);

    private const int InviteCSeq = 4;

    // A short registration for the short-lived phones of tests; Asterisk's maximum_expiration defaults to 7200 s.
    private const int DefaultExpirySeconds = 300;
    private const int MaximumExpirySeconds = 7200;

    // Where the phone's own BYE goes: the caller's Contact, and its From (with tag) as To. sipp rejects variables that
    // are set but never used, so only the hanging-up variant notes them.
    private const string RecvInviteNotingCaller =
        """
        <recv request="INVITE">
            <action>
              <ereg regexp="sip:[^>;]*" search_in="hdr" header="Contact:" assign_to="contact"/>
              <ereg regexp=".*" search_in="hdr" header="From:" assign_to="from"/>
            </action>
          </recv>
        """;

    // REGISTER, its 401 challenge, the REGISTER with credentials (CSeq 1 and 2), 200.
    private static string Register(string extension, int expirySeconds = DefaultExpirySeconds) =>
        $"""
          {RegisterRequest(extension, 1, "", expirySeconds)}
          <recv response="401" auth="true"/>
          {RegisterRequest(extension, 2, "[authentication]", expirySeconds)}
          <recv response="200"/>

        """;

    /// <summary>
    /// Unregisters every phone of the extension, as a softphone does when it signs out: REGISTER with "Contact: *" and
    /// "Expires: 0" (RFC 3261 10.2.2), answering the digest challenge.
    /// </summary>
    public static string Unregister(string extension) => SippScenarios.Wrap(
        $"CallCenter agent {extension} unregistering",
        $"""
          {RegisterRequest(extension, 1, "", 0, "*")}
          <recv response="401" auth="true"/>
          {RegisterRequest(extension, 2, "[authentication]", 0, "*")}
          <recv response="200"/>
        """);

    private static string RegisterRequest(string extension, int cseq, string authentication, int expirySeconds, string? contact = null) =>
        $"""
        <send retrans="500">
            <![CDATA[
              REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "{extension}" <sip:{extension}@[remote_ip]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:{extension}@[remote_ip]>
              Call-ID: [call_id]
              CSeq: {cseq.ToString(CultureInfo.InvariantCulture)} REGISTER
              Contact: {contact ?? $"<sip:{extension}@[local_ip]:[local_port]>"}{(authentication.Length > 0 ? "\n" + authentication : "")}
              Expires: {expirySeconds.ToString(CultureInfo.InvariantCulture)}
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
        """;

    // Asterisk challenges an agent's INVITE too: INVITE, (100), 401, ACK, INVITE with credentials.
    private static string AuthenticatedInvite(string extension) =>
        SippScenarios.Invite(extension, InviteCSeq - 1) +
        $"""
          <recv response="100" optional="true"/>
          <recv response="401" auth="true"/>
          {SippScenarios.Ack(extension, 3, InviteCSeq - 1)}

        """ +
        SippScenarios.Invite(extension, InviteCSeq, "[authentication]");

    private static string PlayAudio(TimeSpan talk) =>
        $"""
        <nop>
            <action>
              <exec play_pcap_audio="pcap/g711a.pcap"/>
            </action>
          </nop>
          <pause milliseconds="{Milliseconds(talk)}"/>
        """;

    private static string AwaitBye() =>
        """
          <recv request="BYE"/>
          <send>
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0
            ]]>
          </send>
        """;

    // The answering side's BYE: to the caller's Contact, From/To swapped relative to the INVITE.
    private static string HangUp(string extension, TimeSpan talk) =>
        $"""
          {PlayAudio(talk)}
          <send retrans="500">
            <![CDATA[
              BYE [$contact] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:{extension}@[local_ip]:[local_port]>;tag=[pid]SIPpTag01[call_number]
              To:[$from]
              Call-ID: [call_id]
              CSeq: 1 BYE
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <recv response="200"/>
        """;

    private static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
