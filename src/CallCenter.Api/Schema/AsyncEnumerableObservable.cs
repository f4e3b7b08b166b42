namespace CallCenter.Api.Schema;

/// <summary>
/// A subscription source stream over an async sequence: each subscriber gets its own enumeration, which stops when
/// the subscription is disposed. Items are pushed strictly in sequence order.
/// </summary>
internal sealed class AsyncEnumerableObservable<T>(Func<CancellationToken, IAsyncEnumerable<T>> source) : IObservable<object?>
{
    public IDisposable Subscribe(IObserver<object?> observer)
    {
        var cancellation = new CancellationTokenSource();
        _ = PumpAsync(observer, cancellation.Token);
        return new Unsubscriber(cancellation);
    }

    private async Task PumpAsync(IObserver<object?> observer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source(cancellationToken).WithCancellation(cancellationToken))
            {
                observer.OnNext(item);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            observer.OnError(exception);
            return;
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            observer.OnCompleted();
        }
    }

    private sealed class Unsubscriber(CancellationTokenSource cancellation) : IDisposable
    {
        public void Dispose()
        {
            cancellation.Cancel();
            cancellation.Dispose();
        }
    }
}
