using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Data;

namespace CallCenter.Api.Tests;

/// <summary>calls(filter, order, first/after, last/before) over the seeded call log.</summary>
[Collection(ApiCollection.Name)]
public sealed class CallLogQueryTests(ApiFixture fixture)
{
    private const string Page = """
        query($filter: CallFilter, $order: CallOrder, $first: Int, $after: String, $last: Int, $before: String) {
          calls(filter: $filter, order: $order, first: $first, after: $after, last: $last, before: $before) {
            edges { cursor node { id } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    private string Token => fixture.Tokens.Supervisor();

    public static TheoryData<string, string> Orders() => new()
    {
        { "STARTED_AT", "DESC" },
        { "STARTED_AT", "ASC" },
        { "DURATION", "DESC" },
        { "DURATION", "ASC" },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Forward_pages_cover_every_call_once_in_order(string field, string direction)
    {
        var expected = Expected(field, direction, fixture.Seed.History);
        var seen = new List<Guid>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var connection = await PageAsync(new { filter = Window, order = new { field, direction }, first = 7, after });
            var ids = Ids(connection);
            seen.AddRange(ids);
            var pageInfo = connection["pageInfo"]!;
            Assert.Equal(after is not null, pageInfo["hasPreviousPage"]!.GetValue<bool>());
            pages++;
            if (!pageInfo["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            Assert.Equal(7, ids.Count);
            after = pageInfo["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(9, pages);
        Assert.Equal(expected, seen);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Backward_pages_cover_every_call_once_in_order(string field, string direction)
    {
        var expected = Expected(field, direction, fixture.Seed.History);
        var seen = new List<Guid>();
        string? before = null;
        while (true)
        {
            var connection = await PageAsync(new { filter = Window, order = new { field, direction }, last = 8, before });
            seen.InsertRange(0, Ids(connection));
            var pageInfo = connection["pageInfo"]!;
            Assert.Equal(before is not null, pageInfo["hasNextPage"]!.GetValue<bool>());
            if (!pageInfo["hasPreviousPage"]!.GetValue<bool>())
            {
                break;
            }

            before = pageInfo["startCursor"]!.GetValue<string>();
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Switching_direction_mid_walk_returns_the_neighbouring_pages()
    {
        var expected = Expected("STARTED_AT", "DESC", fixture.Seed.History);
        var first = await PageAsync(new { filter = Window, first = 10 });
        var second = await PageAsync(new { filter = Window, first = 10, after = first["pageInfo"]!["endCursor"]!.GetValue<string>() });
        var back = await PageAsync(new { filter = Window, last = 10, before = second["pageInfo"]!["startCursor"]!.GetValue<string>() });

        Assert.Equal(expected.Take(10), Ids(first));
        Assert.Equal(expected.Skip(10).Take(10), Ids(second));
        Assert.Equal(Ids(first), Ids(back));
        Assert.False(back["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    public static TheoryData<string> Filters() => new()
    {
        "direction", "status", "number", "extension", "agentId", "hasRecording", "noRecording", "minDuration", "contactId", "company",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_select_exactly_the_matching_calls(string name)
    {
        var seed = fixture.Seed;
        var history = seed.History;
        var (filter, predicate) = name switch
        {
            "direction" => ((object)new { from = SeedData.HistoryFrom, until = SeedData.HistoryUntil, direction = new[] { "OUTBOUND", "INTERNAL" } },
                (Func<Call, bool>)(c => c.Direction is CallDirection.Outbound or CallDirection.Internal)),
            "status" => (new { from = SeedData.HistoryFrom, until = SeedData.HistoryUntil, status = new[] { "MISSED", "BUSY" } },
                c => c.Status is CallStatus.Missed or CallStatus.Busy),
            // "12345" + "1" hits calls 10..19 from 998901234510..19 on the caller side.
            "number" => (new { from = SeedData.HistoryFrom, until = SeedData.HistoryUntil, number = "+998 90 123-451" },
                c => (c.CallerNumber ?? "").Contains("99890123451", StringComparison.Ordinal) || (c.DialedNumber ?? "").Contains("99890123451", StringComparison.Ordinal)),
            "extension" => (new { from = SeedData.HistoryFrom, until = SeedData.HistoryUntil, extension = "1002" }, c => c.AgentExtension == "1002"),
            "agentId" => (new { from = SeedData.HistoryFrom, until = SeedData.HistoryUntil, agentId = seed.Agent3.Id }, c => c.AgentId == seed.Agent3.Id),
            "hasRecording" => (new { from = SeedData.HistoryFrom, until = SeedData.HistoryUntil, hasRecording = true }, c => c.RecordingName is not null),
            "noRecording" => (new { from = SeedData.HistoryFrom, until = SeedData.HistoryUntil, hasRecording = false }, c => c.RecordingName is null),
            "minDuration" => (new { from = SeedData.HistoryFrom, until = SeedData.HistoryUntil, minDurationSeconds = 150.0 }, c => c.DurationSeconds >= 150),
            "contactId" => (new { from = SeedData.HistoryFrom, until = SeedData.HistoryUntil, contactId = seed.Globex.Id }, c => c.ContactId == seed.Globex.Id),
            _ => (new { from = SeedData.HistoryFrom, until = SeedData.HistoryUntil, company = "acme" }, c => c.ContactId == seed.Acme.Id),
        };
        var expected = Expected("STARTED_AT", "DESC", history.Where(predicate));
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < history.Count);

        var data = await fixture.Http.DataAsync(
            "query($filter: CallFilter) { calls(filter: $filter, first: 50) { totalCount nodes { id } } }", new { filter }, Token);

        Assert.Equal(expected.Count, data["calls"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(expected, data["calls"]!["nodes"]!.AsArray().Select(n => Guid.Parse(n!["id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_time_range_is_half_open()
    {
        var pivot = fixture.Seed.History[30].StartedAt;
        var data = await fixture.Http.DataAsync(
            "query($filter: CallFilter) { calls(filter: $filter, first: 50) { totalCount } }",
            new { filter = new { from = pivot, until = SeedData.HistoryUntil } }, Token);

        Assert.Equal(fixture.Seed.History.Count(c => c.StartedAt >= pivot), data["calls"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Call_details_include_agent_contact_and_related_lists()
    {
        var call = fixture.Seed.History[0];
        var data = await fixture.Http.DataAsync("""
            query($id: ID!) { call(id: $id) {
              id direction status isLive durationSeconds agent { extension name } contact { company }
              events { type } legs { channelId } recording { id } recordings { id }
            } }
            """, new { id = call.Id }, Token);

        var node = data["call"]!;
        Assert.Equal("INBOUND", node["direction"]!.GetValue<string>());
        Assert.Equal("COMPLETED", node["status"]!.GetValue<string>());
        Assert.False(node["isLive"]!.GetValue<bool>());
        Assert.Equal("1001", node["agent"]!["extension"]!.GetValue<string>());
        Assert.Equal("Acme Trading", node["contact"]!["company"]!.GetValue<string>());
        Assert.Empty(node["events"]!.AsArray());
        Assert.Null(node["recording"]);
    }

    [Fact]
    public async Task Related_lists_of_a_page_belong_to_their_own_calls()
    {
        var (first, second) = (fixture.Seed.History[58], fixture.Seed.History[59]);
        await using (var db = fixture.CreateDbContext())
        {
            if (!db.CallEvents.Any(e => e.CallId == first.Id))
            {
                foreach (var (call, count) in new[] { (first, 2), (second, 3) })
                {
                    for (var i = 0; i < count; i++)
                    {
                        db.CallEvents.Add(new CallEvent
                        {
                            CallId = call.Id, EventId = $"test:{call.Id:N}:{i}", StreamId = $"1-{i}", Type = i == 0 ? "ChannelCreated" : "ChannelStateChange",
                            OccurredAt = call.StartedAt.AddSeconds(i), ReceivedAt = call.StartedAt.AddSeconds(i),
                        });
                    }

                    db.CallLegs.Add(new CallLeg { Id = Guid.NewGuid(), CallId = call.Id, ChannelId = $"leg-{call.Id:N}", ChannelName = "PJSIP/trunk-1", CreatedAt = call.StartedAt });
                }

                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
        }

        var data = await fixture.Http.DataAsync(
            "query($filter: CallFilter) { calls(filter: $filter, first: 5) { nodes { id events { type } legs { channelId } } } }",
            new { filter = Window }, Token);

        var nodes = data["calls"]!["nodes"]!.AsArray().ToDictionary(n => Guid.Parse(n!["id"]!.GetValue<string>()), n => n!);
        Assert.Equal(["ChannelCreated", "ChannelStateChange"], nodes[first.Id]["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(3, nodes[second.Id]["events"]!.AsArray().Count);
        Assert.Equal($"leg-{second.Id:N}", nodes[second.Id]["legs"]![0]!["channelId"]!.GetValue<string>());
        Assert.All(nodes.Where(n => n.Key != first.Id && n.Key != second.Id), n => Assert.Empty(n.Value["events"]!.AsArray()));
    }

    [Fact]
    public async Task Page_size_above_the_maximum_is_refused()
    {
        var response = await fixture.Http.QueryAsync("{ calls(first: 51) { nodes { id } } }", null, Token);
        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
    }

    [Fact]
    public async Task A_cursor_from_another_order_is_refused()
    {
        var page = await PageAsync(new { filter = Window, first = 2 });
        var cursor = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        var response = await fixture.Http.QueryAsync(Page, new { filter = Window, order = new { field = "DURATION", direction = "DESC" }, first = 2, after = cursor }, Token);

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
    }

    [Fact]
    public async Task First_and_last_together_are_refused()
    {
        var response = await fixture.Http.QueryAsync("{ calls(first: 2, last: 2) { nodes { id } } }", null, Token);
        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
    }

    private async Task<JsonNode> PageAsync(object variables) => (await fixture.Http.DataAsync(Page, variables, Token))["calls"]!;

    private static List<Guid> Ids(JsonNode connection) =>
        [.. connection["edges"]!.AsArray().Select(e => Guid.Parse(e!["node"]!["id"]!.GetValue<string>()))];

    private static object Window => new { from = SeedData.HistoryFrom, until = SeedData.HistoryUntil };

    /// <summary>The order PostgreSQL produces: the key, then the uuid (compared like its canonical text).</summary>
    private static List<Guid> Expected(string field, string direction, IEnumerable<Call> calls)
    {
        Func<Call, long> key = field == "DURATION"
            ? c => c.DurationSeconds is { } d ? (long)Math.Round(d * 1000) : -1
            : c => c.StartedAt.UtcTicks;
        var ordered = direction == "ASC"
            ? calls.OrderBy(key).ThenBy(c => c.Id.ToString(), StringComparer.Ordinal)
            : calls.OrderByDescending(key).ThenByDescending(c => c.Id.ToString(), StringComparer.Ordinal);
        return [.. ordered.Select(c => c.Id)];
    }
}
