using System.Net;
using System.Text;
using CallCenter.Ari.Rest;
using CallCenter.Ari.Tests.Events;
using CallCenter.Ari.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Ari.Tests.Rest;

public sealed class AriClientTests : IAsyncLifetime
{
    private FakeAsterisk _asterisk = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _asterisk = await FakeAsterisk.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ari:BaseUrl"] = _asterisk.BaseUrl.AbsoluteUri.TrimEnd('/'),
                ["Ari:Username"] = "asterisk",
                ["Ari:Password"] = "secret",
                ["Ari:Application"] = "call-center",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAriClient(configuration.GetSection(AriOptions.SectionName));
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _asterisk.DisposeAsync();
    }

    private AriClient Client => _services.GetRequiredService<AriClient>();

    private RecordedRequest LastRequest => _asterisk.RestRequests.Last();

    [Fact]
    public async Task Not_found_maps_to_a_typed_exception_with_aris_message()
    {
        _asterisk.RestResponder = _ => new FakeRestResponse(404, """{"message":"Channel not found"}""");

        var thrown = await Assert.ThrowsAsync<AriNotFoundException>(() => Client.Channels.HoldAsync("1715000000.99", Token));

        Assert.Equal(HttpStatusCode.NotFound, thrown.StatusCode);
        Assert.Equal("Channel not found", thrown.Message);
        Assert.Equal("POST channels/{channelId}/hold", thrown.Operation);
        Assert.Equal("/ari/channels/1715000000.99/hold", LastRequest.Path);
    }

    [Fact]
    public async Task Gone_helper_turns_404_into_a_value_but_lets_other_errors_through()
    {
        _asterisk.RestResponder = _ => new FakeRestResponse(404, """{"message":"Channel not found"}""");
        Assert.False(await Client.Channels.HangupAsync("gone", cancellationToken: Token).ExceptWhenGoneAsync());

        _asterisk.RestResponder = _ => new FakeRestResponse(409, """{"message":"Channel not in a Stasis application"}""");
        var conflict = await Assert.ThrowsAsync<AriConflictException>(() => Client.Channels.HoldAsync("c1", Token).ExceptWhenGoneAsync());
        Assert.Equal("Channel not in a Stasis application", conflict.Message);
    }

    [Fact]
    public async Task Non_json_error_bodies_are_reported_as_text_with_the_status()
    {
        _asterisk.RestResponder = _ => new FakeRestResponse(503, "<html>proxy says no</html>", "text/html");

        var thrown = await Assert.ThrowsAsync<AriException>(() => Client.Asterisk.GetInfoAsync(Token));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, thrown.StatusCode);
        Assert.Equal("<html>proxy says no</html>", thrown.Message);
    }

    [Fact]
    public async Task Requests_carry_basic_auth_from_options_and_use_the_configured_base_url()
    {
        _asterisk.RestResponder = _ => new FakeRestResponse(200, """{"system":{"version":"22.5.0","entity_id":"02:42:ac:11:00:02"}}""");

        var info = await Client.Asterisk.GetInfoAsync(Token);

        Assert.Equal("22.5.0", info.System?.Version);
        Assert.Equal("/ari/asterisk/info", LastRequest.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("asterisk:secret")), LastRequest.Authorization);
    }

    [Fact]
    public async Task Originate_sends_parameters_in_the_query_and_variables_in_the_body()
    {
        _asterisk.RestResponder = _ => new FakeRestResponse(200, AriSamples.AgentChannel);

        var channel = await Client.Channels.OriginateAsync(
            new AriOriginateRequest("PJSIP/102")
            {
                Extension = "200",
                Context = "from-internal",
                Priority = 1,
                CallerId = "\"Support\" <100>",
                Timeout = TimeSpan.FromSeconds(25),
                ChannelId = "out-1",
                Variables = new Dictionary<string, string> { ["CALLERID(name)"] = "Support" },
            },
            Token);

        Assert.Equal("1715000000.12", channel.Id);
        var request = LastRequest;
        Assert.Equal(("POST", "/ari/channels"), (request.Method, request.Path));
        Assert.Equal(
            "?endpoint=PJSIP%2F102&extension=200&context=from-internal&priority=1&callerId=%22Support%22%20%3C100%3E&timeout=25&channelId=out-1",
            request.Query);
        Assert.Equal("""{"variables":{"CALLERID(name)":"Support"}}""", request.Body);
    }

    [Fact]
    public async Task Channel_control_calls_use_aris_verbs_paths_and_wire_values()
    {
        _asterisk.RestResponder = _ => new FakeRestResponse(204, "");
        var channels = Client.Channels;

        await channels.HangupAsync("c/1", AriHangupReason.NoAnswer, Token);
        await channels.MuteAsync("c1", AriMediaDirection.In, Token);
        await channels.UnmuteAsync("c1", AriMediaDirection.Both, Token);
        await channels.UnholdAsync("c1", Token);
        await channels.ContinueInDialplanAsync("c1", "from-internal", "300", 2, cancellationToken: Token);
        await channels.SetVariableAsync("c1", "CDR(userfield)", "vip", Token);
        await channels.ContinueInDialplanAsync("c1", "from-trunk", "+998 90/123", cancellationToken: Token);

        Assert.Equal(
            [
                "DELETE /ari/channels/c%2F1?reason=no_answer",
                "POST /ari/channels/c1/mute?direction=in",
                "DELETE /ari/channels/c1/mute?direction=both",
                "DELETE /ari/channels/c1/hold",
                "POST /ari/channels/c1/continue?context=from-internal&extension=300&priority=2",
                "POST /ari/channels/c1/variable?variable=CDR%28userfield%29&value=vip",
                "POST /ari/channels/c1/continue?context=from-trunk&extension=%2B998%2090%2F123",
            ],
            _asterisk.RestRequests.Select(r => $"{r.Method} {r.Path}{r.Query}"));
    }

    [Fact]
    public async Task Bridge_and_application_calls_return_typed_models()
    {
        _asterisk.RestResponder = request => request.Path switch
        {
            "/ari/bridges" => new FakeRestResponse(200, AriSamples.Bridge),
            "/ari/applications/call-center" => new FakeRestResponse(200, """{"name":"call-center","channel_ids":["c1"],"bridge_ids":["b1"],"endpoint_ids":[],"device_names":[]}"""),
            _ => new FakeRestResponse(204, ""),
        };

        var bridge = await Client.Bridges.CreateAsync(bridgeId: "b1", name: "call-1", cancellationToken: Token);
        await Client.Bridges.AddChannelAsync("b1", "c1", role: "partner", cancellationToken: Token);
        var application = await Client.Applications.GetAsync("call-center", Token);

        Assert.Equal("mixing", bridge.BridgeType);
        Assert.Equal(["c1"], application.ChannelIds);
        Assert.Equal(["b1"], application.BridgeIds);
        var queries = _asterisk.RestRequests.Select(r => r.Query).ToList();
        Assert.Equal("?type=mixing&bridgeId=b1&name=call-1", queries[0]);
        Assert.Equal("?channel=c1&role=partner", queries[1]);
    }

    [Fact]
    public async Task Stored_recording_file_is_streamed_to_the_caller()
    {
        var audio = string.Concat(Enumerable.Repeat("RIFF-fake-wave-bytes-", 20_000));
        _asterisk.RestResponder = request => request.Path == "/ari/recordings/stored/call-1/file"
            ? new FakeRestResponse(200, audio, "audio/wav")
            : new FakeRestResponse(404, """{"message":"Recording not found"}""");

        await using (var stream = await Client.Recordings.OpenStoredFileAsync("call-1", Token))
        {
            using var reader = new StreamReader(stream);
            Assert.Equal(audio, await reader.ReadToEndAsync(Token));
        }

        var missing = await Assert.ThrowsAsync<AriNotFoundException>(() => Client.Recordings.OpenStoredFileAsync("nope", Token));
        Assert.Equal("Recording not found", missing.Message);
    }

    [Fact]
    public async Task Lists_deserialize_arrays()
    {
        _asterisk.RestResponder = request => request.Path switch
        {
            "/ari/channels" => new FakeRestResponse(200, $"[{AriSamples.CallerChannel},{AriSamples.AgentChannel}]"),
            "/ari/bridges" => new FakeRestResponse(200, $"[{AriSamples.Bridge}]"),
            _ => new FakeRestResponse(404, """{"message":"nope"}"""),
        };

        var channels = await Client.Channels.ListAsync(Token);
        var bridges = await Client.Bridges.ListAsync(Token);

        Assert.Equal(["1715000000.11", "1715000000.12"], channels.Select(c => c.Id));
        Assert.Equal("mixing", Assert.Single(bridges).BridgeType);
    }
}
