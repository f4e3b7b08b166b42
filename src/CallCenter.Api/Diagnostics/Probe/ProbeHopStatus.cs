namespace CallCenter.Api.Diagnostics;

public enum ProbeHopStatus
{
    /// <summary>The probe is waiting for this hop now.</summary>
    Waiting,
    Passed,
    Failed,
    /// <summary>An earlier hop failed.</summary>
    NotReached,
}
