namespace CallCenter.AppHost.Hosting.Orchestration;

/// <summary>
/// Exponential backoff for restarting a crashed resource: 1 s, 2 s, 4 s ... up to 30 s; a resource that
/// stayed up for a minute counts as recovered and starts again from 1 s.
/// </summary>
internal sealed class RestartPolicy
{
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    private int _consecutiveCrashes;

    public int Restarts { get; private set; }

    /// <summary>Records a crash after <paramref name="uptime"/> and returns how long to wait before the restart.</summary>
    public TimeSpan NextDelay(TimeSpan uptime)
    {
        if (uptime >= StableAfter)
        {
            _consecutiveCrashes = 0;
        }

        var delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, InitialDelay.Ticks << Math.Min(_consecutiveCrashes, 10)));
        _consecutiveCrashes++;
        Restarts++;
        return delay;
    }
}
