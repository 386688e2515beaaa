using Microsoft.Extensions.Logging;

namespace XWebhooks.Inbox;

/// <summary>Source-generated log messages of the inbox. Never bodies or secrets.</summary>
internal static partial class InboxLog
{
    [LoggerMessage(101, LogLevel.Warning, "Inbox delivery {EntryId} failed on attempt {Attempt}; retrying in {Delay}: {Error}")]
    public static partial void Retrying(ILogger logger, string entryId, int attempt, TimeSpan delay, string error);

    [LoggerMessage(102, LogLevel.Error, "Inbox delivery {EntryId} moved to the dead letter after {Attempts} attempt(s): {Error}")]
    public static partial void DeadLettered(ILogger logger, string entryId, int attempts, string error);

    [LoggerMessage(103, LogLevel.Error, "The inbox store failed; the worker retries after the poll interval")]
    public static partial void StoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(104, LogLevel.Error, "Could not store a verified delivery in the inbox; answering 503 so X redelivers")]
    public static partial void AppendFailed(ILogger logger, Exception exception);

    [LoggerMessage(105, LogLevel.Warning, "The dedupe store failed while checking a delivery for re-sent events; storing it anyway (the worker checks again)")]
    public static partial void DedupeCheckFailed(ILogger logger, Exception exception);
}
