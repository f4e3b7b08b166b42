using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallCenter.Testing.Pbx;

/// <summary>One <c>calls</c> query per second over GraphQL-over-HTTP (the call history's first page), as a supervisor's screen refreshes; records each answer's time and every failure.</summary>
public sealed class CallsQueryLoop : IAsyncDisposable
{
    private const string Query = "{ calls(first: 20) { totalCount edges { node { id status callerNumber agentExtension startedAt recording { available } } } } }";
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _milliseconds = [];
    private readonly List<string> _failures = [];
    private Task _running = Task.CompletedTask;

    private CallsQueryLoop(Uri graphQLUrl, string token)
    {
        _client = new HttpClient { BaseAddress = graphQLUrl, Timeout = TimeSpan.FromSeconds(15) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public static CallsQueryLoop Start(Uri graphQLUrl, string token)
    {
        var loop = new CallsQueryLoop(graphQLUrl, token);
        loop._running = Task.Run(loop.RunAsync, CancellationToken.None);
        return loop;
    }

    /// <summary>Each answered query's time in ms.</summary>
    public IReadOnlyList<double> Milliseconds
    {
        get
        {
            lock (_milliseconds)
            {
                return [.. _milliseconds];
            }
        }
    }

    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_failures)
            {
                return [.. _failures];
            }
        }
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                await QueryOnceAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task QueryOnceAsync()
    {
        var clock = Stopwatch.StartNew();
        string? failure;
        try
        {
            using var response = await _client.PostAsJsonAsync("", new { query = Query }, _stop.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(_stop.Token).ConfigureAwait(false);
            using var json = JsonDocument.Parse(body);
            failure = !response.IsSuccessStatusCode || json.RootElement.TryGetProperty("errors", out _)
                ? $"{(int)response.StatusCode}: {(body.Length > 300 ? body[..300] : body)}"
                : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !_stop.IsCancellationRequested)
        {
            failure = exception.Message;
        }

        if (failure is null)
        {
            lock (_milliseconds)
            {
                _milliseconds.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        else
        {
            lock (_failures)
            {
                _failures.Add(failure);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A query cut short by the stop.
        }

        _client.Dispose();
        _stop.Dispose();
    }
}
