using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CallCenter.Ari.Tests.Fakes;

/// <summary>Keeps every log line with its structured fields so tests can check what would reach a log sink.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(" ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
            : "";
        Lines.Enqueue($"{logLevel} {formatter(state, exception)} | {fields} | {exception}");
    }
}
