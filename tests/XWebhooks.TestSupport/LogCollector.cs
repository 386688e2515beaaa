using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace XWebhooks.TestSupport;

/// <summary>Keeps every log entry of a host, at every level it is given, so tests can check what was (and was not) logged.</summary>
public sealed class LogCollector : ILoggerProvider
{
    /// <summary>The entries, in the order logged.</summary>
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release: the entries stay readable after the host is gone.
    }

    private sealed class Logger(LogCollector collector, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            collector.Entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
