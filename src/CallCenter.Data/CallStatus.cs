namespace CallCenter.Data;

/// <summary>Stored lowercase ("ringing", "answered", ...). Ringing and Answered are live; the rest are final.</summary>
public enum CallStatus
{
    Ringing,
    Answered,
    Completed,
    Missed,
    Busy,
    Failed,
}

public enum CallDirection
{
    Inbound,
    Outbound,
    Internal,
}

/// <summary>Which side ended the call.</summary>
public enum HangupSide
{
    Caller,
    Callee,
    System,
}

public enum RecordingStatus
{
    /// <summary>Waiting to be fetched from Asterisk and uploaded.</summary>
    Pending,

    /// <summary>The blob is uploaded and verified; Asterisk's copy is not deleted yet.</summary>
    Uploaded,

    /// <summary>Uploaded, verified and removed from Asterisk.</summary>
    Completed,

    /// <summary>Failed repeatedly; still retried, and reported until it lands.</summary>
    Failed,
}

public static class CallStatusExtensions
{
    public static bool IsFinal(this CallStatus status) => status is not (CallStatus.Ringing or CallStatus.Answered);
}
