using System.Globalization;
using Microsoft.Extensions.Logging;

namespace CallCenter.Testing;

/// <summary>Writes an in-process service's log lines into the test run's server log.</summary>
public sealed class TestRunLoggerProvider(string source) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(source, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string source, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= (category.StartsWith("CallCenter", StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Warning);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                TestRun.Log(source, string.Create(CultureInfo.InvariantCulture,
                    $"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetBaseException().Message)}"));
            }
        }
    }
}
