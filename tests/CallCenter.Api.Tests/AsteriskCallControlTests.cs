using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Data;
using CallCenter.Testing;

namespace CallCenter.Api.Tests;

/// <summary>
/// Call control mutations against a real Asterisk: a sipp caller dials 2000, the channel waits in the call-center
/// Stasis application (this test holds that application's event socket, as the ingestion service would), and the
/// API's mutations act on it through ARI. Asterisk's own events prove each effect.
/// </summary>
[Collection(AsteriskCollection.Name)]
public sealed class AsteriskCallControlTests(ApiFixture fixture, AsteriskFixture asterisk)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hold_transfer_and_hangup_take_effect_on_the_pbx()
    {
        await using var api = new ApiFactory(fixture.Settings(new Dictionary<string, string?>
        {
            ["Ari:BaseUrl"] = asterisk.Server.AriBaseUrl.AbsoluteUri,
            ["Ari:Username"] = asterisk.Server.AriUsername,
            ["Ari:Password"] = asterisk.Server.AriPassword,
        }));
        api.Start();
        using var http = api.CreateHttpClient();
        var token = fixture.Tokens.Supervisor();

        using var events = await asterisk.ConnectEventsAsync(cancellationToken: Cancel);
        var caller = Task.Run(() => asterisk.Sipp.PlaceCallsAsync(
            new SippCallOptions("2000") { CallerNumber = "998901110000", Timeout = TimeSpan.FromSeconds(40) }, Cancel), Cancel);

        var started = await NextEventAsync(events, e => e["type"]?.GetValue<string>() == "StasisStart");
        var channel = started["channel"]!;
        var channelId = channel["id"]!.GetValue<string>();
        var call = await RecordLiveCallAsync(channelId, channel["name"]!.GetValue<string>());

        // ARI raises ChannelHold only for holds the phone itself signals, so for hold/unhold/mute the evidence is that
        // Asterisk accepted the request on this very channel (it answers 404/409 otherwise).
        var hold = await http.QueryAsync("mutation($id: ID!) { holdCall(callId: $id) { id } }", new { id = call.Id }, token);
        Assert.Null(hold["errors"]);

        var unhold = await http.QueryAsync("mutation($id: ID!) { unholdCall(callId: $id) { id } }", new { id = call.Id }, token);
        Assert.Null(unhold["errors"]);

        var mute = await http.QueryAsync("mutation($id: ID!) { muteCall(callId: $id, party: CUSTOMER) { id } }", new { id = call.Id }, token);
        Assert.Null(mute["errors"]);
        var noAgent = await http.QueryAsync("mutation($id: ID!) { muteCall(callId: $id) { id } }", new { id = call.Id }, token);
        Assert.Equal("CALL_NOT_CONTROLLABLE", noAgent.ErrorCode());

        // Blind transfer: the caller leaves the application and continues at inbound-route,2000 (answer + echo).
        var transfer = await http.QueryAsync("mutation($id: ID!) { transferCall(callId: $id, destination: \"2000\") { id } }", new { id = call.Id }, token);
        Assert.Null(transfer["errors"]);
        await NextEventAsync(events, e => e["type"]?.GetValue<string>() == "StasisEnd" && e["channel"]?["id"]?.GetValue<string>() == channelId);
        var dialplan = await NextEventAsync(events, e => e["type"]?.GetValue<string>() == "ChannelDialplan"
            && e["channel"]?["id"]?.GetValue<string>() == channelId
            && e["channel"]?["dialplan"]?["context"]?.GetValue<string>() == "inbound-route");
        Assert.Equal("2000", dialplan["channel"]!["dialplan"]!["exten"]!.GetValue<string>());

        var hangup = await http.QueryAsync("mutation($id: ID!) { hangupCall(callId: $id) { id } }", new { id = call.Id }, token);
        Assert.Null(hangup["errors"]);
        await NextEventAsync(events, e => e["type"]?.GetValue<string>() == "ChannelDestroyed" && e["channel"]?["id"]?.GetValue<string>() == channelId);
        using (var ari = asterisk.CreateAriClient())
        {
            using var gone = await ari.GetAsync($"channels/{channelId}", Cancel);
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        // The record still says live (no persistence worker here), but Asterisk no longer has the channel.
        var again = await http.QueryAsync("mutation($id: ID!) { holdCall(callId: $id) { id } }", new { id = call.Id }, token);
        Assert.Equal("CALL_GONE", again.ErrorCode());

        await caller;
    }

    private async Task<Call> RecordLiveCallAsync(string channelId, string channelName)
    {
        var now = DateTimeOffset.UtcNow;
        var call = new Call
        {
            Id = Guid.NewGuid(), AsteriskId = "asterisk", CallKey = channelId, Direction = CallDirection.Inbound, Status = CallStatus.Ringing,
            CallerNumber = "998901110000", DialedNumber = "2000", StartedAt = now, Version = 1, UpdatedAt = now,
        };
        await using var db = fixture.CreateDbContext();
        db.Calls.Add(call);
        db.CallLegs.Add(new CallLeg { Id = Guid.NewGuid(), CallId = call.Id, ChannelId = channelId, ChannelName = channelName, CreatedAt = now });
        await db.SaveChangesAsync(Cancel);
        return call;
    }

    private static async Task<JsonObject> NextEventAsync(ClientWebSocket socket, Func<JsonObject, bool> predicate)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("ARI closed the event socket.");
            }

            var json = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
            if (predicate(json))
            {
                return json;
            }
        }
    }
}
