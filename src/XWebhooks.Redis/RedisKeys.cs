using StackExchange.Redis;

namespace XWebhooks.Redis;

/// <summary>
/// The names of every key the store uses, all under <see cref="XWebhooksRedisOptions.KeyPrefix"/>, and the key
/// lists its scripts take (built once, so no call allocates them).
/// </summary>
internal sealed class RedisKeys
{
    public RedisKeys(string prefix)
    {
        Inbox = prefix + "inbox";
        DeadLetters = prefix + "dead";
        RetrySchedule = prefix + "retry";
        RetryData = prefix + "retry:data";
        RetryReceivedAt = prefix + "retry:received";
        Watermark = prefix + "watermark";
        DedupePrefix = prefix + "dedupe:";
        InboxOnly = [Inbox];
        InboxAndDeadLetters = [Inbox, DeadLetters];
        InboxAndRetries = [Inbox, RetrySchedule, RetryData, RetryReceivedAt];
        WatermarkOnly = [Watermark];
    }

    /// <summary>The stream of deliveries, read through one consumer group.</summary>
    public RedisKey Inbox { get; }

    /// <summary>The stream of dead letters.</summary>
    public RedisKey DeadLetters { get; }

    /// <summary>Parked retries: a sorted set of stream ids scored by their due time (Unix ms).</summary>
    public RedisKey RetrySchedule { get; }

    /// <summary>Parked retries' fields: a hash of <c>id:field</c> to value.</summary>
    public RedisKey RetryData { get; }

    /// <summary>Parked retries' received times: a sorted set scored by Unix ms, for the inbox's oldest age.</summary>
    public RedisKey RetryReceivedAt { get; }

    /// <summary>The delivery watermark (Unix ms), shared by all instances.</summary>
    public RedisKey Watermark { get; }

    /// <summary>The prefix of every dedupe key; a dedupe key is this plus the key the runtime gives.</summary>
    public RedisKey DedupePrefix { get; }

    public RedisKey[] InboxOnly { get; }

    public RedisKey[] InboxAndDeadLetters { get; }

    public RedisKey[] InboxAndRetries { get; }

    public RedisKey[] WatermarkOnly { get; }
}
