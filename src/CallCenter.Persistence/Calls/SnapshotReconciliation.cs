using CallCenter.Data;

namespace CallCenter.Persistence.Calls;

/// <summary>Ends a call whose channels a snapshot no longer shows (its events were not received).</summary>
internal static class SnapshotReconciliation
{
    /// <summary>
    /// A snapshot showed none of this call's channels: it ended while events were not received. Each
    /// open leg ends at the last moment it was seen; the call is marked reconciled.
    /// </summary>
    public static void Reconcile(Call call, DateTimeOffset takenAt)
    {
        foreach (var leg in call.Legs.Where(l => l.EndedAt is null))
        {
            leg.EndedAt = leg.LastEventAt ?? call.LastEventAt ?? takenAt;
            leg.EndReconciled = true;
            CallLegs.CloseHold(leg, leg.EndedAt.Value);
        }

        if (call.Legs.Count == 0)
        {
            call.EndedAt ??= call.LastEventAt ?? takenAt;
        }

        call.Reconciled = true;
    }
}
