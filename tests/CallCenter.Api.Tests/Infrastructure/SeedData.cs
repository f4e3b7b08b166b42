using CallCenter.Data;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// The known call log every test reads: three agents, two contacts, 60 history calls in January 2026 (with equal
/// start times, so the id tie-break is exercised) and a small, hand-computed statistics set on 2026-02-01.
/// Tests that write calls use the current date, so these windows never change.
/// </summary>
public sealed class SeedData
{
    public static readonly DateTimeOffset HistoryFrom = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset HistoryUntil = new(2026, 1, 6, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset StatsDay = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    public required Agent Agent1 { get; init; }

    public required Agent Agent2 { get; init; }

    public required Agent Agent3 { get; init; }

    public required Contact Acme { get; init; }

    public required Contact Globex { get; init; }

    public required IReadOnlyList<Call> History { get; init; }

    public static async Task<SeedData> WriteAsync(Func<CallCenterDbContext> createDb)
    {
        var agents = new[]
        {
            new Agent { Id = Guid.NewGuid(), Extension = "1001", Name = "Aziza" },
            new Agent { Id = Guid.NewGuid(), Extension = "1002", Name = "Bobur" },
            new Agent { Id = Guid.NewGuid(), Extension = "1003", Name = "Dilnoza" },
        };
        var acme = new Contact { Id = Guid.NewGuid(), PhoneNumber = "998901234500", Name = "Ali Valiyev", Company = "Acme Trading" };
        var globex = new Contact { Id = Guid.NewGuid(), PhoneNumber = "998901234501", Name = "Sara Karimova", Company = "Globex" };

        var statuses = new[] { CallStatus.Completed, CallStatus.Missed, CallStatus.Completed, CallStatus.Busy, CallStatus.Completed, CallStatus.Failed };
        var history = new List<Call>();
        for (var i = 0; i < 60; i++)
        {
            // Every tenth call starts at the same instant as the one before: only the id orders them.
            var startedAt = HistoryFrom.AddMinutes(9 + (i % 10 == 5 ? i - 1 : i) * 7);
            var status = statuses[i % 6];
            var agent = agents[i % 3];
            double ring = 3 + (i % 20);
            double? talk = status == CallStatus.Completed ? 20 + (i * 17 % 300) : null;
            var direction = i % 4 == 3 ? CallDirection.Internal : i % 2 == 0 ? CallDirection.Inbound : CallDirection.Outbound;
            history.Add(new Call
            {
                Id = Guid.NewGuid(),
                AsteriskId = "seed",
                CallKey = $"history-{i}",
                Direction = direction,
                Status = status,
                CallerNumber = direction == CallDirection.Outbound ? agent.Extension : $"99890{1234500 + i}",
                DialedNumber = direction == CallDirection.Outbound ? $"99893{5550000 + i}" : agent.Extension,
                AgentExtension = agent.Extension,
                AgentId = agent.Id,
                ContactId = (i % 5) switch { 0 => acme.Id, 1 => globex.Id, _ => null },
                StartedAt = startedAt,
                AnsweredAt = talk is null ? null : startedAt.AddSeconds(ring),
                EndedAt = startedAt.AddSeconds(ring + (talk ?? 0)),
                RingSeconds = ring,
                TalkSeconds = talk,
                DurationSeconds = ring + (talk ?? 0),
                RecordingName = status == CallStatus.Completed && i % 4 != 0 ? $"inbound-history-{i}" : null,
                Version = 1,
                UpdatedAt = startedAt.AddMinutes(10),
            });
        }

        var a1 = agents[0];
        var a2 = agents[1];
        var stats = new[]
        {
            Stats("s1", "08:05", CallDirection.Inbound, CallStatus.Completed, a1, 5, 60),
            Stats("s2", "08:20", CallDirection.Inbound, CallStatus.Completed, a1, 25, 120),
            Stats("s3", "08:40", CallDirection.Inbound, CallStatus.Missed, null, 30, null),
            Stats("s4", "09:10", CallDirection.Outbound, CallStatus.Completed, a2, 10, 30),
            Stats("s5", "09:15", CallDirection.Inbound, CallStatus.Busy, null, 0, null),
            Stats("s6", "09:50", CallDirection.Inbound, CallStatus.Completed, a2, 15, 200),
            Stats("s7", "10:30", CallDirection.Inbound, CallStatus.Failed, null, 1, null),
            // 20:00 UTC is already 2026-02-02 in Tashkent (UTC+5).
            Stats("s8", "20:00", CallDirection.Inbound, CallStatus.Missed, null, 40, null),
        };

        await using var db = createDb();
        db.Agents.AddRange(agents);
        db.Contacts.AddRange(acme, globex);
        db.Calls.AddRange(history);
        db.Calls.AddRange(stats);
        await db.SaveChangesAsync();

        return new SeedData
        {
            Agent1 = agents[0],
            Agent2 = agents[1],
            Agent3 = agents[2],
            Acme = acme,
            Globex = globex,
            History = history,
        };
    }

    private static Call Stats(string key, string time, CallDirection direction, CallStatus status, Agent? agent, double ring, double? talk)
    {
        var startedAt = StatsDay.Add(TimeSpan.Parse(time, System.Globalization.CultureInfo.InvariantCulture));
        return new Call
        {
            Id = Guid.NewGuid(),
            AsteriskId = "seed",
            CallKey = $"stats-{key}",
            Direction = direction,
            Status = status,
            CallerNumber = "998711112233",
            DialedNumber = agent?.Extension ?? "100",
            AgentExtension = agent?.Extension,
            AgentId = agent?.Id,
            StartedAt = startedAt,
            AnsweredAt = talk is null ? null : startedAt.AddSeconds(ring),
            EndedAt = startedAt.AddSeconds(ring + (talk ?? 0)),
            RingSeconds = ring,
            TalkSeconds = talk,
            DurationSeconds = ring + (talk ?? 0),
            Version = 1,
            UpdatedAt = startedAt,
        };
    }
}
