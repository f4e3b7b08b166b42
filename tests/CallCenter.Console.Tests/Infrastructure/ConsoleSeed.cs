using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Console.Tests.Infrastructure;

/// <summary>Calls written straight into the API tests' database, for screens that only read them.</summary>
public static class ConsoleSeed
{
    /// <summary>A caller number no seeded call or contact has.</summary>
    public static string NewNumber() => $"99897{Random.Shared.Next(1_000_000, 9_999_999)}";

    /// <summary>An inbound call from <paramref name="caller"/> answered by <paramref name="agent"/>: live when <paramref name="endedAfter"/> is null.</summary>
    public static Call InboundCall(string caller, Agent agent, DateTimeOffset startedAt, TimeSpan? endedAfter, string? callerName = null)
    {
        var answeredAt = startedAt.AddSeconds(3);
        var endedAt = endedAfter is { } talk ? answeredAt + talk : (DateTimeOffset?)null;
        return new Call
        {
            Id = Guid.NewGuid(), AsteriskId = "console", CallKey = $"console-{Guid.NewGuid():N}", Direction = CallDirection.Inbound,
            Status = endedAt is null ? CallStatus.Answered : CallStatus.Completed, CallerNumber = caller, CallerName = callerName,
            DialedNumber = agent.Extension, AgentId = agent.Id, AgentExtension = agent.Extension, StartedAt = startedAt, AnsweredAt = answeredAt,
            EndedAt = endedAt, RingSeconds = 3, TalkSeconds = endedAfter?.TotalSeconds, DurationSeconds = endedAfter is null ? null : 3 + endedAfter.Value.TotalSeconds,
            Version = 1, UpdatedAt = startedAt,
        };
    }

    public static async Task AddAsync(ApiFixture fixture, params Call[] calls)
    {
        await using var db = fixture.CreateDbContext();
        db.Calls.AddRange(calls);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Takes the calls out again, so the shared call log stays as the other tests expect it.</summary>
    public static async Task RemoveAsync(ApiFixture fixture, params Call[] calls)
    {
        var ids = calls.Select(c => c.Id).ToArray();
        await using var db = fixture.CreateDbContext();
        await db.Calls.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
    }
}
