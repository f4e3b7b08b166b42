using Microsoft.Extensions.Options;

namespace CallCenter.Api.Diagnostics;

/// <summary>Runs every check at once, each bounded by Diagnostics:CheckTimeout; a check that throws or hangs is FAILED, never lost.</summary>
public sealed class DiagnosticsRunner(
    IEnumerable<IDiagnosticCheck> checks,
    IOptions<DiagnosticsOptions> options,
    TimeProvider time,
    ILogger<DiagnosticsRunner> logger)
{
    public async Task<IReadOnlyList<DiagnosticCheck>> RunAsync(CancellationToken cancellationToken)
    {
        var ordered = checks.OrderBy(c => c.Order).ToList();
        return await Task.WhenAll(ordered.Select(check => RunOneAsync(check, cancellationToken)));
    }

    private async Task<DiagnosticCheck> RunOneAsync(IDiagnosticCheck check, CancellationToken cancellationToken)
    {
        var limit = options.Value.CheckTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            return await check.RunAsync(timeout.Token).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(check, $"The check got no answer within {limit.TotalSeconds:0.#} s.",
                "Whatever this check asks (see its name) is hanging: look at the other checks and the service's log.");
        }
        catch (StackExchange.Redis.RedisException exception)
        {
            return Failed(check, $"Redis cannot be reached, so this cannot be checked: {exception.Message}", "See the Redis stream check.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            DiagnosticsLog.CheckCrashed(logger, check.Name, exception);
            return Failed(check, $"The check itself failed: {exception.GetType().Name}: {exception.Message}",
                "See the API's log for the details.");
        }
    }

    private DiagnosticCheck Failed(IDiagnosticCheck check, string summary, string fix) =>
        new(check.Name, DiagnosticStatus.Failed, summary, [], fix, time.GetUtcNow());
}
