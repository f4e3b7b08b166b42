using System.Net.WebSockets;
using System.Text;
using CallCenter.Ari.Connection;
using CallCenter.Ari.Events;
using CallCenter.Ari.Tests.Events;
using CallCenter.Ari.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace CallCenter.Ari.Tests.Connection;

public sealed class AriEventStreamTests : IAsyncLifetime
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);
    private FakeAsterisk _asterisk = null!;
    private readonly CapturingLogger<AriEventStream> _logger = new();

    public async ValueTask InitializeAsync() => _asterisk = await FakeAsterisk.StartAsync();

    public async ValueTask DisposeAsync()
    {
        // Shows the client's own account of connects, drops and retries when a test fails.
        foreach (var line in _logger.Lines)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }

        await _asterisk.DisposeAsync();
    }

    [Fact]
    public async Task Connected_marker_comes_first_then_events_in_order_with_fragments_reassembled_and_bad_frames_surfaced()
    {
        var endWithUnicode = AriSamples.StasisEnd.Replace("\"Alice\"", "\"Алишер Ўғли\"", StringComparison.Ordinal);
        var bigVarset = $$"""{"type":"ChannelVarset","application":"call-center","variable":"BIG","value":"{{new string('x', 100_000)}}"}""";
        _asterisk.OnNextConnection(async (socket, ct) =>
        {
            await FakeAsterisk.SendAsync(socket, AriSamples.StasisStart, ct);
            await FakeAsterisk.SendAsync(socket, "this is not json", ct);
            await FakeAsterisk.SendFragmentedAsync(socket, endWithUnicode, fragmentBytes: 7, ct);
            await FakeAsterisk.SendFragmentedAsync(socket, bigVarset, fragmentBytes: 4096, ct);
            await FakeAsterisk.SendAsync(socket, """{"no":"type"}""", ct);
            await FakeAsterisk.SendAsync(socket, AriSamples.NumberedVarset(42), ct);
            await _asterisk.HoldOpenAsync(socket, ct);
        });
        var stream = CreateStream();

        var items = await TakeAsync(stream, 7);

        var connected = Assert.IsType<AriConnected>(items[0]);
        Assert.Equal(1, connected.ConnectionSequence);
        Assert.False(connected.IsReconnect);
        Assert.Equal(AriSamples.StasisStart, Assert.IsType<StasisStart>(items[1]).RawJson);
        Assert.Equal("this is not json", Assert.IsType<AriMalformedFrame>(items[2]).RawText);
        var end = Assert.IsType<StasisEnd>(items[3]);
        Assert.Equal("Алишер Ўғли", end.Channel.Caller.Name);
        Assert.Equal(endWithUnicode, end.RawJson);
        Assert.Equal(100_000, Assert.IsType<ChannelVarset>(items[4]).Value.Length);
        Assert.Equal("""{"no":"type"}""", Assert.IsType<AriMalformedFrame>(items[5]).RawText);
        Assert.Equal("42", Assert.IsType<ChannelVarset>(items[6]).Value);
        Assert.Contains(_logger.Lines, line => line.Contains("Malformed ARI frame", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dropped_and_closed_connections_reconnect_with_an_in_band_marker_before_the_new_events()
    {
        _asterisk.OnNextConnection(async (socket, ct) =>
        {
            await FakeAsterisk.SendAsync(socket, AriSamples.NumberedVarset(1), ct);
            // A reset discards bytes the client kernel has not handed over yet; let the event land before dropping.
            await Task.Delay(200, ct);
            socket.Abort();
        });
        _asterisk.OnNextConnection(async (socket, ct) =>
        {
            await FakeAsterisk.SendAsync(socket, AriSamples.NumberedVarset(2), ct);
            await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "asterisk restarting", ct);
        });
        _asterisk.OnNextConnection(async (socket, ct) =>
        {
            await FakeAsterisk.SendAsync(socket, AriSamples.NumberedVarset(3), ct);
            await _asterisk.HoldOpenAsync(socket, ct);
        });
        var stream = CreateStream();
        AriConnectionStatus? statusAtThirdConnection = null;

        var items = await TakeAsync(stream, 6, onItem: item =>
        {
            if (item is AriConnected { ConnectionSequence: 3 })
            {
                statusAtThirdConnection = stream.Status;
            }
        });

        Assert.Equal(
            ["connected#1 reconnect=False", "varset 1", "connected#2 reconnect=True", "varset 2", "connected#3 reconnect=True", "varset 3"],
            items.Select(Describe));
        Assert.NotNull(statusAtThirdConnection);
        Assert.Equal(AriConnectionState.Connected, statusAtThirdConnection.State);
        Assert.Equal(0, statusAtThirdConnection.Attempt);
        Assert.Equal(3, statusAtThirdConnection.ConnectionSequence);
        Assert.Contains("EndpointUnavailable", statusAtThirdConnection.LastError?.Message, StringComparison.Ordinal);
        Assert.Equal(AriConnectionState.Disconnected, stream.Status.State);
    }

    [Fact]
    public async Task Refused_connections_are_retried_with_visible_attempts_and_last_error()
    {
        _asterisk.RefuseNextUpgrades(3);
        var stream = CreateStream();
        var seen = new System.Collections.Concurrent.ConcurrentQueue<AriConnectionStatus>();
        AriConnectionStatus? atConnect = null;
        using var stopPolling = new CancellationTokenSource();
        var poller = Task.Run(
            async () =>
            {
                while (!stopPolling.IsCancellationRequested)
                {
                    seen.Enqueue(stream.Status);
                    await Task.Delay(1, TestContext.Current.CancellationToken);
                }
            },
            TestContext.Current.CancellationToken);

        var items = await TakeAsync(stream, 1, onItem: _ => atConnect = stream.Status);
        await stopPolling.CancelAsync();
        await poller;

        var connected = Assert.IsType<AriConnected>(Assert.Single(items));
        Assert.Equal(1, connected.ConnectionSequence);
        Assert.False(connected.IsReconnect);
        Assert.Equal(4, _asterisk.UpgradeAttempts);
        Assert.Contains(seen, status => status is { State: AriConnectionState.Reconnecting, Attempt: >= 1, LastError: not null });
        Assert.NotNull(atConnect);
        Assert.Equal(AriConnectionState.Connected, atConnect.State);
        Assert.Equal(0, atConnect.Attempt);
        Assert.Contains("503", atConnect.LastError?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_thousand_events_arrive_in_order_through_a_small_buffer_to_a_slow_consumer()
    {
        const int EventCount = 10_000;
        _asterisk.OnNextConnection(async (socket, ct) =>
        {
            for (var i = 0; i < EventCount; i++)
            {
                await FakeAsterisk.SendAsync(socket, AriSamples.NumberedVarset(i), ct);
            }

            await _asterisk.HoldOpenAsync(socket, ct);
        });
        var stream = CreateStream(options => options.EventBufferCapacity = 8);
        var next = 0;

        var items = await TakeAsync(stream, EventCount + 1, onItem: item =>
        {
            if (item is ChannelVarset varset)
            {
                Assert.Equal(next.ToString(System.Globalization.CultureInfo.InvariantCulture), varset.Value);
                next++;
                if (next % 500 == 0)
                {
                    Thread.Sleep(5);
                }
            }
        });

        Assert.IsType<AriConnected>(items[0]);
        Assert.Equal(EventCount, next);
        Assert.Equal(EventCount, items.Count(item => item is ChannelVarset));
    }

    [Fact]
    public async Task Consumer_exception_propagates_and_the_socket_is_closed()
    {
        _asterisk.OnNextConnection(async (socket, ct) =>
        {
            await FakeAsterisk.SendAsync(socket, AriSamples.StasisStart, ct);
            await _asterisk.HoldOpenAsync(socket, ct);
        });
        var stream = CreateStream();
        using var timeout = NewTimeout();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in stream.ReadAllAsync(timeout.Token))
            {
                if (item is StasisStart)
                {
                    throw new InvalidOperationException("consumer failed on StasisStart");
                }
            }
        });

        Assert.Equal("consumer failed on StasisStart", thrown.Message);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await _asterisk.ClientClose.Task.WaitAsync(TestTimeout, TestContext.Current.CancellationToken));
        Assert.Equal(AriConnectionState.Disconnected, stream.Status.State);
    }

    [Fact]
    public async Task Cancellation_ends_the_stream_and_closes_the_socket_cleanly()
    {
        var stream = CreateStream();
        using var cancel = NewTimeout();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in stream.ReadAllAsync(cancel.Token))
            {
                if (item is AriConnected)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await _asterisk.ClientClose.Task.WaitAsync(TestTimeout, TestContext.Current.CancellationToken));
        Assert.Equal(AriConnectionState.Disconnected, stream.Status.State);
    }

    [Fact]
    public async Task A_second_concurrent_reader_is_refused_and_a_later_one_is_allowed()
    {
        var stream = CreateStream();
        using var timeout = NewTimeout();
        await using (var first = stream.ReadAllAsync(timeout.Token).GetAsyncEnumerator(TestContext.Current.CancellationToken))
        {
            Assert.True(await first.MoveNextAsync());
            await using var second = stream.ReadAllAsync(timeout.Token).GetAsyncEnumerator(TestContext.Current.CancellationToken);
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await second.MoveNextAsync());
        }

        var again = await TakeAsync(stream, 1);
        Assert.Equal(2, Assert.IsType<AriConnected>(again[0]).ConnectionSequence);
    }

    [Fact]
    public async Task Oversized_frame_is_dropped_as_malformed_and_the_next_event_still_arrives()
    {
        _asterisk.OnNextConnection(async (socket, ct) =>
        {
            var huge = $$"""{"type":"ChannelVarset","variable":"BIG","value":"{{new string('y', 50_000)}}"}""";
            await FakeAsterisk.SendFragmentedAsync(socket, huge, fragmentBytes: 3000, ct);
            await FakeAsterisk.SendAsync(socket, AriSamples.NumberedVarset(7), ct);
            await _asterisk.HoldOpenAsync(socket, ct);
        });
        var stream = CreateStream(options => options.MaxEventBytes = 2000);

        var items = await TakeAsync(stream, 3);

        var malformed = Assert.IsType<AriMalformedFrame>(items[1]);
        Assert.Contains("exceeds", malformed.Error, StringComparison.Ordinal);
        Assert.StartsWith("{\"type\":\"ChannelVarset\"", malformed.RawText, StringComparison.Ordinal);
        Assert.Equal("7", Assert.IsType<ChannelVarset>(items[2]).Value);
    }

    [Fact]
    public async Task Api_key_authentication_sends_the_key_but_logs_only_a_redacted_url()
    {
        const string Password = "Sup3r-Secret!";
        _asterisk.RefuseNextUpgrades(1);
        var stream = CreateStream(options =>
        {
            options.UseApiKeyQueryForEvents = true;
            options.Password = Password;
        });

        await TakeAsync(stream, 1);

        var sentUrl = Uri.UnescapeDataString(_asterisk.EventRequestUrls.First());
        Assert.Contains($"api_key=asterisk:{Password}", sentUrl, StringComparison.Ordinal);
        Assert.Contains("app=call-center&subscribeAll=true", sentUrl, StringComparison.Ordinal);
        Assert.All(_asterisk.EventAuthorizationHeaders, Assert.Null);
        Assert.Contains(_logger.Lines, line => line.Contains("api_key=***", StringComparison.Ordinal));
        Assert.Contains(_logger.Lines, line => line.Contains("failed", StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Lines, line => line.Contains("Sup3r", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Basic_authentication_uses_the_header_and_keeps_credentials_out_of_the_url()
    {
        var stream = CreateStream();

        await TakeAsync(stream, 1);

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("asterisk:secret"));
        Assert.Equal(expected, Assert.Single(_asterisk.EventAuthorizationHeaders));
        Assert.DoesNotContain("api_key", Assert.Single(_asterisk.EventRequestUrls), StringComparison.Ordinal);
    }

    private AriEventStream CreateStream(Action<AriOptions>? configure = null)
    {
        var options = new AriOptions
        {
            BaseUrl = _asterisk.BaseUrl,
            Username = "asterisk",
            Password = "secret",
            Application = "call-center",
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
            EventBufferCapacity = 64,
        };
        configure?.Invoke(options);
        return new AriEventStream(Options.Create(options), _logger, TimeProvider.System);
    }

    private static async Task<List<AriStreamItem>> TakeAsync(AriEventStream stream, int count, Action<AriStreamItem>? onItem = null)
    {
        using var timeout = NewTimeout();
        var items = new List<AriStreamItem>();
        await foreach (var item in stream.ReadAllAsync(timeout.Token))
        {
            onItem?.Invoke(item);
            items.Add(item);
            if (items.Count == count)
            {
                break;
            }
        }

        return items;
    }

    private static CancellationTokenSource NewTimeout()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TestTimeout);
        return timeout;
    }

    private static string Describe(AriStreamItem item) => item switch
    {
        AriConnected connected => $"connected#{connected.ConnectionSequence} reconnect={connected.IsReconnect}",
        ChannelVarset varset => $"varset {varset.Value}",
        _ => item.GetType().Name,
    };
}
