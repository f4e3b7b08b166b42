using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;

namespace CallCenter.Api.Tests;

/// <summary>callStats against numbers worked out by hand from the eight seeded calls of 2026-02-01 (see SeedData).</summary>
[Collection(ApiCollection.Name)]
public sealed class CallStatsTests(ApiFixture fixture)
{
    private const string Query = """
        query($from: DateTimeOffset!, $until: DateTimeOffset!, $groupBy: CallStatsGroupBy!, $sl: Float, $tz: String) {
          callStats(from: $from, until: $until, groupBy: $groupBy, serviceLevelSeconds: $sl, timeZone: $tz) {
            key periodStart total answered missed busy failed averageWaitSeconds averageTalkSeconds answeredWithinServiceLevel serviceLevel
          }
        }
        """;

    [Fact]
    public async Task Hourly()
    {
        var rows = await StatsAsync("HOUR", "2026-02-01T08:00:00Z", "2026-02-01T11:00:00Z");

        Assert.Equal(["2026-02-01T08:00", "2026-02-01T09:00", "2026-02-01T10:00"], rows.Select(r => r["key"]!.GetValue<string>()));
        AssertRow(rows[0], total: 3, answered: 2, missed: 1, busy: 0, failed: 0, wait: 15, talk: 90, within: 1, level: 1.0 / 3);
        AssertRow(rows[1], total: 3, answered: 2, missed: 0, busy: 1, failed: 0, wait: 12.5, talk: 115, within: 2, level: 1);
        AssertRow(rows[2], total: 1, answered: 0, missed: 0, busy: 0, failed: 1, wait: null, talk: null, within: 0, level: null);
        Assert.Equal(DateTimeOffset.Parse("2026-02-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(rows[1]["periodStart"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task By_direction()
    {
        var rows = await StatsAsync("DIRECTION", "2026-02-01T08:00:00Z", "2026-02-01T11:00:00Z");

        Assert.Equal(["inbound", "outbound"], rows.Select(r => r["key"]!.GetValue<string>()));
        AssertRow(rows[0], total: 6, answered: 3, missed: 1, busy: 1, failed: 1, wait: 15, talk: 380.0 / 3, within: 2, level: 0.5);
        AssertRow(rows[1], total: 1, answered: 1, missed: 0, busy: 0, failed: 0, wait: 10, talk: 30, within: 1, level: 1);
    }

    [Fact]
    public async Task By_agent_with_a_stricter_service_level()
    {
        var rows = await StatsAsync("AGENT", "2026-02-01T08:00:00Z", "2026-02-01T11:00:00Z", serviceLevel: 10);

        Assert.Equal(["", "1001", "1002"], rows.Select(r => r["key"]!.GetValue<string>()));
        AssertRow(rows[0], total: 3, answered: 0, missed: 1, busy: 1, failed: 1, wait: null, talk: null, within: 0, level: 0);
        AssertRow(rows[1], total: 2, answered: 2, missed: 0, busy: 0, failed: 0, wait: 15, talk: 90, within: 1, level: 0.5);
        AssertRow(rows[2], total: 2, answered: 2, missed: 0, busy: 0, failed: 0, wait: 12.5, talk: 115, within: 1, level: 0.5);
    }

    [Fact]
    public async Task Days_follow_the_requested_time_zone()
    {
        var utc = await StatsAsync("DAY", "2026-02-01T00:00:00Z", "2026-02-03T00:00:00Z");
        var tashkent = await StatsAsync("DAY", "2026-02-01T00:00:00Z", "2026-02-03T00:00:00Z", timeZone: "Asia/Tashkent");

        Assert.Equal(["2026-02-01"], utc.Select(r => r["key"]!.GetValue<string>()));
        Assert.Equal(8, utc[0]["total"]!.GetValue<int>());
        Assert.Equal(["2026-02-01", "2026-02-02"], tashkent.Select(r => r["key"]!.GetValue<string>()));
        Assert.Equal(7, tashkent[0]["total"]!.GetValue<int>());
        AssertRow(tashkent[1], total: 1, answered: 0, missed: 1, busy: 0, failed: 0, wait: null, talk: null, within: 0, level: 0);
        Assert.Equal("2026-02-01T19:00:00+00:00",
            DateTimeOffset.Parse(tashkent[1]["periodStart"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Invalid_ranges_and_zones_are_clear_errors()
    {
        var backwards = await fixture.Http.QueryAsync(Query, new { from = "2026-02-02T00:00:00Z", until = "2026-02-01T00:00:00Z", groupBy = "DAY" }, fixture.Tokens.Supervisor());
        var zone = await fixture.Http.QueryAsync(Query, new { from = "2026-02-01T00:00:00Z", until = "2026-02-02T00:00:00Z", groupBy = "DAY", tz = "Mars/Olympus" }, fixture.Tokens.Supervisor());

        Assert.Equal("BAD_USER_INPUT", backwards.ErrorCode());
        Assert.Equal("BAD_USER_INPUT", zone.ErrorCode());
    }

    private async Task<List<JsonNode>> StatsAsync(string groupBy, string from, string until, double? serviceLevel = null, string? timeZone = null)
    {
        var data = await fixture.Http.DataAsync(Query, new { from, until, groupBy, sl = serviceLevel, tz = timeZone }, fixture.Tokens.Supervisor());
        return [.. data["callStats"]!.AsArray().Select(n => n!)];
    }

    private static void AssertRow(JsonNode row, int total, int answered, int missed, int busy, int failed, double? wait, double? talk, int within, double? level)
    {
        Assert.Equal(total, row["total"]!.GetValue<int>());
        Assert.Equal(answered, row["answered"]!.GetValue<int>());
        Assert.Equal(missed, row["missed"]!.GetValue<int>());
        Assert.Equal(busy, row["busy"]!.GetValue<int>());
        Assert.Equal(failed, row["failed"]!.GetValue<int>());
        AssertNear(wait, row["averageWaitSeconds"]);
        AssertNear(talk, row["averageTalkSeconds"]);
        Assert.Equal(within, row["answeredWithinServiceLevel"]!.GetValue<int>());
        AssertNear(level, row["serviceLevel"]);
    }

    private static void AssertNear(double? expected, JsonNode? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(expected.Value, actual.GetValue<double>(), 6);
    }
}
