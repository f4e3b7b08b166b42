using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CallCenter.LocalServers;
using CallCenter.Testing;

namespace CallCenter.Infrastructure.Tests;

[Collection(AsteriskCollection.Name)]
public sealed class AsteriskAriTests(AsteriskFixture asterisk)
{
    [Fact]
    public async Task Asterisk_info_answers_with_the_generated_credentials()
    {
        using var ari = asterisk.CreateAriClient();

        using var response = await ari.GetAsync(new Uri("asterisk/info", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var info = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("22.", info.RootElement.GetProperty("system").GetProperty("version").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asterisk_info_refuses_a_wrong_password()
    {
        using var ari = asterisk.CreateAriClient();
        ari.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AsteriskServer.AriUser}:not-{asterisk.Server.AriPassword}")));

        using var response = await ari.GetAsync(new Uri("asterisk/info", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_inbound_call_reaches_the_ari_application_continues_and_is_recorded()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var ari = asterisk.CreateAriClient();
        using var events = await asterisk.ConnectEventsAsync(cancellationToken: timeout.Token);
        const string caller = "998901234567";

        var call = asterisk.Sipp.PlaceCallsAsync(
            new SippCallOptions("2000") { CallerNumber = caller, Timeout = TimeSpan.FromSeconds(40) }, timeout.Token);

        using var stasisStart = await ReceiveAsync(events, IsInboundStasisStartTo("2000"), timeout.Token);
        var channel = stasisStart.RootElement.GetProperty("channel");
        var channelId = channel.GetProperty("id").GetString()!;
        Assert.Equal(
            ["inbound", caller, "2000"],
            stasisStart.RootElement.GetProperty("args").EnumerateArray().Select(arg => arg.GetString()));
        Assert.Equal(caller, channel.GetProperty("caller").GetProperty("number").GetString());

        var recording = await GetVariableAsync(ari, channelId, "CALLCENTER_RECORDING", timeout.Token);
        Assert.StartsWith("inbound-", recording, StringComparison.Ordinal);
        // ari.conf's channelvars put the recording name and the call key into every channel event.
        var channelVariables = channel.GetProperty("channelvars");
        Assert.Equal(recording, channelVariables.GetProperty("CALLCENTER_RECORDING").GetString());
        Assert.False(string.IsNullOrEmpty(channelVariables.GetProperty("CHANNEL(linkedid)").GetString()));

        using (var resume = await ari.PostAsync(new Uri($"channels/{channelId}/continue", UriKind.Relative), null, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, resume.StatusCode);
        }

        var result = await call;
        Assert.True(result.AllSucceeded, result.ToString());
        Assert.Contains($"{recording}.wav", asterisk.Server.ListRecordings());

        // MixMonitor closes the file as the channel goes away; ARI serves it once it is complete.
        var wav = await DownloadRecordingAsync(ari, recording, timeout.Token);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.True(wav.Length > 40_000, $"A ~9 s call recorded only {wav.Length} bytes.");
    }

    private static Func<JsonElement, bool> IsInboundStasisStartTo(string number) => message =>
        message.GetProperty("type").GetString() == "StasisStart"
        && message.TryGetProperty("args", out var args)
        && args.GetArrayLength() == 3
        && args[0].GetString() == "inbound"
        && args[2].GetString() == number;

    private static async Task<JsonDocument> ReceiveAsync(ClientWebSocket socket, Func<JsonElement, bool> match, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException($"ARI closed the WebSocket: {received.CloseStatus} {received.CloseStatusDescription}");
                }

                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            var document = JsonDocument.Parse(message.ToArray());
            if (match(document.RootElement))
            {
                return document;
            }

            document.Dispose();
        }
    }

    private static async Task<string> GetVariableAsync(HttpClient ari, string channelId, string variable, CancellationToken cancellationToken)
    {
        var json = await ari.GetStringAsync(new Uri($"channels/{channelId}/variable?variable={variable}", UriKind.Relative), cancellationToken);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("value").GetString() ?? string.Empty;
    }

    private static async Task<byte[]> DownloadRecordingAsync(HttpClient ari, string name, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await ari.GetAsync(new Uri($"recordings/stored/{name}/file", UriKind.Relative), cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadAsByteArrayAsync(cancellationToken);
            }

            Assert.True(DateTime.UtcNow < deadline, $"ARI did not serve recording {name}: {response.StatusCode}");
            await Task.Delay(200, cancellationToken);
        }
    }
}
