namespace CallCenter.Api.Calls;

/// <summary>Relay pagination arguments, validated: exactly one of <see cref="First"/>/<see cref="Last"/> is set.</summary>
public sealed record CallPageRequest(int? First, CallCursor? After, int? Last, CallCursor? Before)
{
    public bool Backward => Last is not null;

    public int Size => Last ?? First ?? 0;
}
