namespace CallCenter.Data;

/// <summary>Stored lowercase ("ringing", "answered", ...). Ringing and Answered are live; the rest are final.</summary>
public enum CallStatus
{
    Ringing,
    Answered,
    Completed,

    /// <summary>An inbound or internal call nobody answered: a customer (or a colleague) was not taken.</summary>
    Missed,

    /// <summary>The callee was busy.</summary>
    Busy,

    /// <summary>The call could not be placed: no route, the number does not exist, the network or the phone was unreachable.</summary>
    Failed,

    /// <summary>
    /// An outbound call the callee did not answer (it rang out, or the agent gave up while it rang). Kept apart from
    /// <see cref="Missed"/> so missed-call figures and the service level count customers' calls only.
    /// </summary>
    NoAnswer,
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
