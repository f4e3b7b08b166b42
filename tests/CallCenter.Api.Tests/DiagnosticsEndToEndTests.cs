using System.Globalization;
using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;
using StackExchange.Redis;

namespace CallCenter.Api.Tests;

/// <summary>
/// The diagnostics query and the synthetic test call against the whole product (real Asterisk, ingestion service,
/// Redis, worker, PostgreSQL), with each fault made for real: a wrong ARI password, Redis stopped, the worker stopped,
/// a softphone that unregisters, a route without Stasis().
/// </summary>
[Collection(AsteriskCollection.Name)]
public sealed class DiagnosticsEndToEndTests(ApiFixture fixture, AsteriskFixture asterisk)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private const string DiagnosticsQuery = "{ diagnostics { name status summary evidence { label value } fix checkedAt } }";

    private const string ProbeFields = "id finished completed stoppedAt callId hops { name status at elapsedMilliseconds evidence fix }";

    [Fact]
    public async Task A_healthy_stack_passes_every_check_and_the_probe_completes_every_hop_as_a_test_call()
    {
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        await using var phone = await asterisk.RegisterSoftphoneAsync("1001", TimeSpan.FromSeconds(1), cancellationToken: TestContext.Current.CancellationToken);
        using var http = pipeline.Api.CreateHttpClient();
        var token = fixture.Tokens.Supervisor();

        var probe = await RunProbeAsync(http, token, null);
        Assert.True(probe["completed"]!.GetValue<bool>(), probe.ToJsonString());
        Assert.Null(probe["stoppedAt"]);
        var hops = probe["hops"]!.AsArray();
        Assert.Equal(6, hops.Count);
        Assert.All(hops, hop =>
        {
            Assert.Equal("PASSED", hop!["status"]!.GetValue<string>());
            Assert.NotNull(hop["at"]);
            Assert.True(hop["elapsedMilliseconds"]!.GetValue<double>() >= 0, hop.ToJsonString());
        });

        // Kept in the log, marked as a test, and out of the statistics unless asked for.
        var callId = probe["callId"]!.GetValue<string>();
        var call = await http.DataAsync("query($id: ID!) { call(id: $id) { isTest status endedAt } }", new { id = callId }, token);
        Assert.True(call["call"]!["isTest"]!.GetValue<bool>(), call.ToJsonString());
        Assert.NotNull(call["call"]!["endedAt"]);
        var range = new { from = DateTimeOffset.UtcNow.AddHours(-1), until = DateTimeOffset.UtcNow.AddHours(1) };
        const string Stats = "query($from: DateTimeOffset!, $until: DateTimeOffset!, $tests: Boolean) { callStats(from: $from, until: $until, groupBy: DIRECTION, includeTests: $tests) { key total } }";
        var withoutTests = await http.DataAsync(Stats, new { range.from, range.until, tests = (bool?)null }, token);
        Assert.Equal(0, withoutTests["callStats"]!.AsArray().Sum(b => b!["total"]!.GetValue<int>()));
        var withTests = await http.DataAsync(Stats, new { range.from, range.until, tests = true }, token);
        Assert.True(withTests["callStats"]!.AsArray().Sum(b => b!["total"]!.GetValue<int>()) >= 1, withTests.ToJsonString());

        var checks = await WaitForChecksAsync(http, token, c => c.All(check => Status(check) == "OK"), "every check is OK");
        Assert.Equal(["ARI", "Ingestion", "Channel variables", "SIP", "Redis stream", "Worker", "API"], checks.Select(c => c["name"]!.GetValue<string>()));
        Assert.All(checks, check => Assert.Null(check["fix"]));
        Assert.Contains(Evidence(Check(checks, "ARI")), e => e.Label == "Asterisk version" && e.Value.Length > 0);
        Assert.Contains(Evidence(Check(checks, "SIP")), e => e.Label == "agent 1001" && e.Value.StartsWith("registered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_ARI_password_fails_the_ARI_check_and_says_so()
    {
        await using var api = new ApiFactory(fixture.Settings(new Dictionary<string, string?>
        {
            ["Ari:BaseUrl"] = asterisk.Server.AriBaseUrl.AbsoluteUri,
            ["Ari:Username"] = asterisk.Server.AriUsername,
            ["Ari:Password"] = "not-the-password",
        }));
        api.Start();
        using var http = api.CreateHttpClient();

        var ari = Check(await ChecksAsync(http, fixture.Tokens.Admin()), "ARI");

        Assert.Equal("FAILED", Status(ari));
        Assert.Contains("wrong password", ari["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Ari__Password", ari["fix"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(Evidence(ari), e => e.Value == "401 Unauthorized");
    }

    [Fact]
    public async Task The_stream_check_fails_while_Redis_is_stopped_and_recovers_when_it_is_back()
    {
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        using var http = pipeline.Api.CreateHttpClient();
        var token = fixture.Tokens.Supervisor();
        await WaitForChecksAsync(http, token, c => Status(Check(c, "Redis stream")) == "OK", "the stream check is OK");

        await fixture.Redis.Server.StopAsync();
        try
        {
            var down = Check(await ChecksAsync(http, token), "Redis stream");
            Assert.Equal("FAILED", Status(down));
            Assert.Contains("Redis cannot be reached", down["summary"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings__redis", down["fix"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            await fixture.Redis.Server.StartAsync(TestContext.Current.CancellationToken);
        }

        await WaitForChecksAsync(http, token, c => Status(Check(c, "Redis stream")) == "OK", "the stream check recovers");
    }

    [Fact]
    public async Task With_the_worker_stopped_and_calls_arriving_the_lag_grows_from_WARNING_to_FAILED()
    {
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        await pipeline.StopWorkerAsync();
        var redis = fixture.Redis.Connection.GetDatabase();

        var firstLag = await CallAndMeasureLagAsync(redis, pipeline.Stream, 0);
        // WARNING from the first entry; FAILED well above one call's lag, so a late event of that call cannot cross it
        // before the first check, and a few more calls do.
        var failure = firstLag * 3;
        await using var judge = new ApiFactory(pipeline.ApiSettings(new Dictionary<string, string?>
        {
            ["Diagnostics:LagWarning"] = "1",
            ["Diagnostics:LagFailure"] = failure.ToString(CultureInfo.InvariantCulture),
        }));
        judge.Start();
        using var http = judge.CreateHttpClient();
        var token = fixture.Tokens.Supervisor();

        var checks = await ChecksAsync(http, token);
        var warning = Check(checks, "Redis stream");
        Assert.Equal("WARNING", Status(warning));
        Assert.Contains("behind", warning["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("FAILED", Status(Check(checks, "Worker")));

        var lag = firstLag;
        while (lag < failure)
        {
            var grown = await CallAndMeasureLagAsync(redis, pipeline.Stream, lag);
            Assert.True(grown > lag, $"lag {lag} then {grown}");
            lag = grown;
        }

        var failed = Check(await ChecksAsync(http, token), "Redis stream");
        Assert.Equal("FAILED", Status(failed));
        var reported = Evidence(failed).Single(e => e.Label == "lag").Value.Split(' ')[0];
        Assert.True(long.Parse(reported, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) >= failure, $"lag evidence {reported}, threshold {failure}");
        Assert.Contains("Worker check", failed["fix"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sipp_agent_shows_as_registered_and_as_not_registered_after_Expires_0()
    {
        // The fixture's call log has agents 1001-1003; the API asks the real Asterisk.
        await using var api = new ApiFactory(fixture.Settings(new Dictionary<string, string?>
        {
            ["Ari:BaseUrl"] = asterisk.Server.AriBaseUrl.AbsoluteUri,
            ["Ari:Username"] = asterisk.Server.AriUsername,
            ["Ari:Password"] = asterisk.Server.AriPassword,
        }));
        api.Start();
        using var http = api.CreateHttpClient();
        var token = fixture.Tokens.Supervisor();

        await using var phone = await asterisk.RegisterSoftphoneAsync("1002", TimeSpan.FromSeconds(1), cancellationToken: TestContext.Current.CancellationToken);
        var registered = await WaitForChecksAsync(http, token, c => Agent(c, "1002").StartsWith("registered", StringComparison.Ordinal), "1002 shows as registered");
        Assert.Contains("sip:1002@127.0.0.1", Agent(registered, "1002"), StringComparison.Ordinal);

        await SippSoftphone.UnregisterAsync(asterisk.Server.SipPort, "1002", asterisk.Server.AgentPasswords["1002"], TestContext.Current.CancellationToken);
        var unregistered = await WaitForChecksAsync(http, token, c => Agent(c, "1002").StartsWith("not registered", StringComparison.Ordinal), "1002 shows as not registered");
        Assert.DoesNotContain("sip:1002", Agent(unregistered, "1002"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_probe_into_a_context_without_Stasis_says_the_call_never_reached_the_application_and_names_the_fix()
    {
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        using var http = pipeline.Api.CreateHttpClient();

        // [inbound-route] routes (2000 answers) but never hands the call to Stasis().
        var probe = await RunProbeAsync(http, fixture.Tokens.Supervisor(), new { context = "inbound-route", number = "2000" });

        Assert.False(probe["completed"]!.GetValue<bool>());
        Assert.Equal("StasisStart reached ingestion", probe["stoppedAt"]?.GetValue<string>());
        var hops = probe["hops"]!.AsArray().Select(h => h!.AsObject()).ToList();
        Assert.Equal("PASSED", Status(hops[0]));
        Assert.Equal("FAILED", Status(hops[1]));
        Assert.Contains("never reached the application", hops[1]["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("'inbound-route' has no Stasis(call-center", hops[1]["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("[inbound-route] exten => _X.,1,Stasis(call-center,inbound,", hops[1]["fix"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(hops.Skip(2), hop => Assert.Equal("NOT_REACHED", Status(hop)));
    }

    [Fact]
    public async Task An_agent_token_can_neither_run_diagnostics_nor_the_probe()
    {
        var agent = fixture.Tokens.Agent(Guid.NewGuid());
        foreach (var document in new[]
        {
            DiagnosticsQuery,
            "mutation { runCallPathProbe { id } }",
            "{ callPathProbe(id: \"cc-probe-0\") { id } }",
        })
        {
            using var response = await fixture.Http.SendAsync(GraphQLHttp.Post(document, token: agent, accept: "application/json"), TestContext.Current.CancellationToken);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
            Assert.Equal("FORBIDDEN", body.ErrorCode());
            Assert.Null(body["data"]);
        }
    }

    /// <summary>Places a busy call (2003) while the worker is down and returns the consumer group's lag once the stream is quiet.</summary>
    private async Task<long> CallAndMeasureLagAsync(IDatabase redis, string stream, long before)
    {
        var result = await asterisk.Sipp.PlaceCallsAsync(
            new SippCallOptions("2003") { Scenario = SippScenario.ExpectFinalResponse, ExpectedStatus = 486, CallerNumber = "998905550177" },
            TestContext.Current.CancellationToken);
        Assert.True(result.AllSucceeded, result.ToString());
        long lag = -1;
        var quietPolls = 0;
        var deadline = DateTime.UtcNow + Timeout;
        while (quietPolls < 4)
        {
            Assert.True(DateTime.UtcNow < deadline, "the stream never went quiet");
            await Task.Delay(500, TestContext.Current.CancellationToken);
            var group = (await redis.StreamGroupInfoAsync(stream)).Single(g => g.Name == "persistence");
            var now = group.Lag ?? throw new InvalidOperationException("Redis could not tell the lag");
            quietPolls = now == lag && now > before ? quietPolls + 1 : 0;
            lag = now;
        }

        return lag;
    }

    private static async Task<JsonObject> RunProbeAsync(HttpClient http, string token, object? arguments)
    {
        var started = await http.DataAsync(
            $"mutation($context: String, $number: String) {{ runCallPathProbe(context: $context, number: $number) {{ {ProbeFields} }} }}",
            arguments ?? new { context = (string?)null, number = (string?)null }, token);
        var id = started["runCallPathProbe"]!["id"]!.GetValue<string>();
        Assert.StartsWith("cc-probe-", id, StringComparison.Ordinal);
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var data = await http.DataAsync($"query($id: ID!) {{ callPathProbe(id: $id) {{ {ProbeFields} }} }}", new { id }, token);
            var probe = data["callPathProbe"]!.AsObject();
            if (probe["finished"]!.GetValue<bool>())
            {
                TestRun.Log("test", $"probe: {probe.ToJsonString()}");
                return probe;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the probe did not finish: {probe.ToJsonString()}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<List<JsonObject>> ChecksAsync(HttpClient http, string token)
    {
        var data = await http.DataAsync(DiagnosticsQuery, null, token);
        return [.. data["diagnostics"]!.AsArray().Select(c => c!.AsObject())];
    }

    private static async Task<List<JsonObject>> WaitForChecksAsync(HttpClient http, string token, Func<List<JsonObject>, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var checks = await ChecksAsync(http, token);
            if (condition(checks))
            {
                return checks;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what}: {new JsonArray([.. checks.Select(c => c.DeepClone())]).ToJsonString()}");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    private static JsonObject Check(List<JsonObject> checks, string name) => checks.Single(c => c["name"]!.GetValue<string>() == name);

    private static string Status(JsonObject node) => node["status"]!.GetValue<string>();

    private static List<(string Label, string Value)> Evidence(JsonObject check) =>
        [.. check["evidence"]!.AsArray().Select(e => (e!["label"]!.GetValue<string>(), e["value"]!.GetValue<string>()))];

    private static string Agent(List<JsonObject> checks, string extension) =>
        Evidence(Check(checks, "SIP")).FirstOrDefault(e => e.Label == $"agent {extension}").Value ?? "";
}
