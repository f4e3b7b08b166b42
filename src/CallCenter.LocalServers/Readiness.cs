using System.Net.Sockets;

namespace CallCenter.LocalServers;

/// <summary>Polls until a server answers, failing early (with its last output) when the process dies.</summary>
public static class Readiness
{
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
                if (await probe(deadline.Token).ConfigureAwait(false))
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
