using Microsoft.Extensions.Logging;

namespace XWebhooks.TestSupport;

/// <summary>One captured log entry: the formatted message, and the exception apart from it.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    /// <summary>The message followed by the exception (type, message, stack), for checks that must see both.</summary>
    public string MessageAndException => Exception is null ? Message : Message + " " + Exception;
}
