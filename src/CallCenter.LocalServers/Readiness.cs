using System.Net.Sockets;

namespace CallCenter.LocalServers;

/// <summary>Polls until a server answers, failing early (with its last output) when the process dies.</summary>
public static class Readiness
{
    /// <summary>
    /// One probe's limit: a server that accepted the connection but never answers (busy starting) must not hold the
    /// wait, or a health check, for good.
    /// </summary>
    public static readonly TimeSpan ProbeAttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs one probe within <see cref="ProbeAttemptTimeout"/>; a probe that takes longer counts as not ready.</summary>
    public static async Task<bool> ProbeOnceAsync(Func<CancellationToken, Task<bool>> probe, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(ProbeAttemptTimeout);
        try
        {
            return await probe(attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public static async Task WaitAsync(
        LocalProcess process,
        Func<CancellationToken, Task<bool>> probe,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{process.Spec.Name} exited with code {await process.Exited.ConfigureAwait(false)} before it was ready. Last output:\n{process.Tail()}");
            }

            try
            {
                if (await ProbeOnceAsync(probe, deadline.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception) when (!deadline.IsCancellationRequested)
            {
                // Not listening yet.
            }

            try
            {
                await Task.Delay(100, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"{process.Spec.Name} was not ready within {timeout.TotalSeconds:0} s. Last output:\n{process.Tail()}");
            }
        }
    }

    public static async Task<bool> TcpAcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
