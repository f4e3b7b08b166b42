using System.Globalization;
using CallCenter.LocalServers;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// A sipp caller that sends real G.711 audio and stays on the line until the PBX hangs up (it never sends BYE
/// itself), answering the re-INVITEs and UPDATEs Asterisk sends on the way (connected line, transfers). That is
/// the caller call control needs: long enough for hold, transfer and hangup, and the hangup comes from our side.
/// </summary>
public sealed class SippTalkingCaller : IAsyncDisposable
{
    private readonly LocalProcess _process;
    private readonly string _statistics;

    private SippTalkingCaller(LocalProcess process, string statistics)
    {
        _process = process;
        _statistics = statistics;
    }

    public static async Task<SippTalkingCaller> CallAsync(int sipPort, string number, string caller, TimeSpan timeout)
    {
        var folder = TestRun.NewDirectory("sipp-talking");
        File.CreateSymbolicLink(Path.Combine(folder, "pcap"), "/usr/share/sip-tester");
        var scenario = Path.Combine(folder, "scenario.xml");
        await File.WriteAllTextAsync(scenario, Scenario(caller));
        var statistics = Path.Combine(folder, "statistics.csv");
        var process = LocalProcess.Start(
            new LocalProcessSpec(
                $"sipp-talking-{number}",
                Prerequisites.Sipp,
                [
                    "-sf", scenario,
                    "-s", number,
                    $"127.0.0.1:{sipPort.ToString(CultureInfo.InvariantCulture)}",
                    "-i", "127.0.0.1",
                    "-p", PortAllocator.GetFreePort(alsoUdp: true).ToString(CultureInfo.InvariantCulture),
                    "-mp", SippProcessSpec.MediaPort(),
                    "-m", "1",
                    "-timeout", $"{Math.Ceiling(timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s",
                    "-timeout_error",
                    "-nostdin",
                    "-f", "5",
                    "-trace_stat", "-stf", statistics, "-fd", "1",
                ])
            {
                WorkingDirectory = folder,
                StopTimeout = TimeSpan.FromSeconds(3),
            },
            TestRun.Log);
        return new SippTalkingCaller(process, statistics);
    }

    /// <summary>sipp's exit code once its one call is over (0: the scenario completed, the PBX hung up).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            return await _process.Exited.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            return -1;
        }
    }

    public SippStatistics Statistics => SippStatistics.Read(_statistics);

    public string Tail() => _process.Tail();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    // The handlers for in-dialog requests sit before the waiting point and are reached only by jumps; [branch-N]
    // is not needed because nothing here cancels or acknowledges a non-2xx answer.
    private static string Scenario(string caller) => SippScenarios.Scenario(
        "CallCenter caller talking until the PBX hangs up",
        caller,
        $"""
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="183" optional="true"/>
          <recv response="200" rtd="true"/>
          <send>
            <![CDATA[
              ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "{caller}" <sip:{caller}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: 1 ACK
              Contact: sip:{caller}@[local_ip]:[local_port]
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <nop next="3">
            <action>
              <exec play_pcap_audio="pcap/g711a.pcap"/>
            </action>
          </nop>

          <label id="1"/>
          <send next="3">
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:{caller}@[local_ip]:[local_port]>
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=user1 53655765 2353687638 IN IP[local_ip_type] [local_ip]
              s=-
              c=IN IP[media_ip_type] [media_ip]
              t=0 0
              m=audio [media_port] RTP/AVP 8
              a=rtpmap:8 PCMA/8000
            ]]>
          </send>

          <label id="2"/>
          <send next="3">
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:{caller}@[local_ip]:[local_port]>
              Content-Length: 0
            ]]>
          </send>

          <label id="3"/>
          <recv request="INVITE" optional="true" next="1"/>
          <recv request="UPDATE" optional="true" next="2"/>
          <recv request="ACK" optional="true" next="3"/>
          <recv request="BYE"/>
          <send>
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:{caller}@[local_ip]:[local_port]>
              Content-Length: 0
            ]]>
          </send>
        """);
}
