namespace XWebhooks.Inbox;

/// <summary>A snapshot of an inbox.</summary>
/// <param name="Depth">Entries not yet completed or dead-lettered (pending and leased).</param>
/// <param name="OldestReceivedAt">When the oldest of them arrived; null when the inbox is empty.</param>
/// <param name="DeadLetters">Entries in the dead letter.</param>
public readonly record struct XInboxStats(long Depth, DateTimeOffset? OldestReceivedAt, long DeadLetters);
