namespace CallCenter.Testing;

/// <summary>What the sipp caller does.</summary>
public enum SippScenario
{
    /// <summary>sipp's built-in uac_pcap: INVITE, wait for 200, about 9 s of G.711 audio, BYE. Needs an answer.</summary>
    AudioCall,

    /// <summary>INVITE, wait for 180 Ringing, hang up (CANCEL) after <see cref="SippCallOptions.RingSeconds"/> — a missed call.</summary>
    HangUpWhileRinging,

    /// <summary>INVITE and expect the final response <see cref="SippCallOptions.ExpectedStatus"/> (486 busy, 503, 480 ...).</summary>
    ExpectFinalResponse,
}
