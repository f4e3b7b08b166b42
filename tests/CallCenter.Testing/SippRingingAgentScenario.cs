using System.Globalization;

namespace CallCenter.Testing;

/// <summary>
/// A sipp UAS playing an agent whose phone rings for a while before it answers (180 Ringing, pause, 200 OK), then
/// talks until the other side hangs up: so a call is seen ringing, then answered.
/// </summary>
public static class SippRingingAgentScenario
{
    public static string Xml(TimeSpan ringFor) => $"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="CallCenter agent answering after ringing">
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
          <pause milliseconds="{((int)ringFor.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}"/>
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
          <recv request="ACK" crlf="true"/>
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
          <timewait milliseconds="2000"/>
        </scenario>
        """;
}
