using CallCenter.Data;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>Writes and changes calls "now" the way the persistence worker does (commit, bump version, publish a notice).</summary>
public static class LiveCalls
{
    public static async Task<Call> StartAsync(ApiFixture fixture, Agent? agent = null, string callerNumber = "998977770000")
    {
        var now = DateTimeOffset.UtcNow;
        var call = new Call
        {
            Id = Guid.NewGuid(),
            AsteriskId = "live",
            CallKey = $"live-{Guid.NewGuid():N}",
            Direction = CallDirection.Inbound,
            Status = CallStatus.Ringing,
            CallerNumber = callerNumber,
            DialedNumber = agent?.Extension ?? "100",
            AgentExtension = agent?.Extension,
            AgentId = agent?.Id,
            StartedAt = now,
            Version = 1,
            UpdatedAt = now,
        };
        await using (var db = fixture.CreateDbContext())
        {
            db.Calls.Add(call);
            await db.SaveChangesAsync();
        }

        await fixture.PublishAsync(call);
        return call;
    }

    public static async Task<Call> ChangeAsync(ApiFixture fixture, Guid callId, Action<Call> change, Action? committed = null)
    {
        Call call;
        await using (var db = fixture.CreateDbContext())
        {
            call = await db.Calls.FindAsync([callId], TestContext.Current.CancellationToken) ?? throw new InvalidOperationException("no such call");
            change(call);
            call.Version++;
            call.UpdatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        committed?.Invoke();
        await fixture.PublishAsync(call);
        return call;
    }

    public static Task<Call> EndAsync(ApiFixture fixture, Guid callId) => ChangeAsync(fixture, callId, call =>
    {
        call.Status = CallStatus.Completed;
        call.EndedAt = DateTimeOffset.UtcNow;
        call.DurationSeconds = (call.EndedAt.Value - call.StartedAt).TotalSeconds;
    });
}
