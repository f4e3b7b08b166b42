namespace CallCenter.Testing;

/// <summary>
/// A sipp UAS playing an agent who answers, talks for a moment, then blind-transfers the caller with a SIP
/// REFER (what a softphone's transfer button sends), acknowledges Asterisk's two NOTIFYs (transfer progress), then hangs
/// up its own leg. The in-dialog REFER swaps the From/To of the received ACK, captured with ereg.
/// </summary>
public static class SippTransferringAgentScenario
{
    // Acknowledges the request just received (each NOTIFY of the transfer's progress).
    private const string OkToLastRequest = """
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

    public static string Xml(string referTo, TimeSpan talkBeforeTransfer) => $"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="CallCenter agent answering then blind-transferring">
          <recv request="INVITE" crlf="true" rrs="true"/>
          <send>
            <![CDATA[
              SIP/2.0 180 Ringing
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:agent@[local_ip]:[local_port];transport=[transport]>
              Content-Length: 0
            ]]>
          </send>
          <send retrans="500">
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:agent@[local_ip]:[local_port];transport=[transport]>
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=agent 53655765 2353687637 IN IP[local_ip_type] [local_ip]
              s=-
              c=IN IP[media_ip_type] [media_ip]
              t=0 0
              m=audio [media_port] RTP/AVP 8
              a=rtpmap:8 PCMA/8000
            ]]>
          </send>
          <recv request="ACK" crlf="true">
            <action>
              <ereg regexp=".*" search_in="hdr" header="From:" assign_to="remote"/>
              <ereg regexp=".*" search_in="hdr" header="To:" assign_to="local"/>
            </action>
          </recv>
          <pause milliseconds="{(int)talkBeforeTransfer.TotalMilliseconds}"/>
          <send retrans="500">
            <![CDATA[
              REFER [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From:[$local]
              To:[$remote]
              [routes]
              Call-ID: [call_id]
              CSeq: 2 REFER
              Contact: <sip:agent@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Refer-To: <{referTo}>
              Referred-By: <sip:agent@[local_ip]:[local_port]>
              Content-Length: 0
            ]]>
          </send>
          <recv response="202"/>
          <!-- Asterisk reports the transfer's progress (100 Trying, then 200 OK) as NOTIFYs. -->
          <recv request="NOTIFY" crlf="true"/>
        {OkToLastRequest}
          <recv request="NOTIFY" crlf="true"/>
        {OkToLastRequest}
          <!-- Transferred: the agent's phone hangs up its own leg, as softphones do. -->
          <send retrans="500">
            <![CDATA[
              BYE [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From:[$local]
              To:[$remote]
              [routes]
              Call-ID: [call_id]
              CSeq: 3 BYE
              Contact: <sip:agent@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <recv response="200" crlf="true"/>
          <timewait milliseconds="2000"/>
        </scenario>
        """;
}
