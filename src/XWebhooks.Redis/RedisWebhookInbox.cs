using System.Globalization;
using StackExchange.Redis;
using XWebhooks.Delivery;
using XWebhooks.Inbox;

namespace XWebhooks.Redis;

/// <summary>
/// The durable inbox on Redis Streams, for many receiver instances sharing one Redis; also the dedupe store and,
/// through <see cref="RedisDeliveryWatermark"/>, the watermark, all on one connection.
/// </summary>
/// <remarks>
/// <para>
/// <b>Durability.</b> <see cref="AppendAsync(XInboxAppend, CancellationToken)"/> is one <c>XADD</c> (fields <c>body</c>,
/// <c>received_at</c>, and when present <c>trace_parent</c> and <c>event_index</c>) and returns once Redis acknowledged
/// it. Whether an acknowledged append survives a crash of <i>Redis</i> is Redis's persistence setting (see
/// docs/reliability.md): <c>appendfsync always</c> loses nothing, <c>everysec</c> up to about a second, no AOF
/// everything since the last snapshot. A crash of the receiver loses nothing.
/// </para>
/// <para>
/// <b>Leases.</b> All instances read the stream through one consumer group, each as its own consumer
/// (<see cref="XWebhooksRedisOptions.ConsumerName"/>). A lease is one script: due retries back onto the stream,
/// entries idle in the group longer than the lease duration taken over (<c>XAUTOCLAIM</c>: a dead or stuck worker's),
/// then new ones (<c>XREADGROUP &gt;</c>). Redis counts every delivery of an entry; the attempt is the entry's stored
/// attempt plus its redeliveries, and the lease token is the consumer name and delivery count, so a reclaimed
/// lease's old token no longer matches. The idle threshold is the duration of the lease that reclaims, so every
/// instance should use the same lease duration.
/// </para>
/// <para>
/// <b>Retries.</b> <see cref="RetryLaterAsync"/> atomically acknowledges and deletes the stream entry and parks its
/// fields, next attempt and error outside the stream, in a sorted set scored by the due time (plus a hash for the
/// data). The next lease after the due time moves it back onto the stream as a new entry, behind entries that
/// arrived meanwhile.
/// </para>
/// <para>
/// <b>Dead letters.</b> A second stream; <see cref="RedriveAsync"/> moves an entry back with attempt 1, keeping its
/// trace parent and event index.
/// </para>
/// </remarks>
public sealed class RedisWebhookInbox : IXWebhookInbox, IXWebhookDedupe, IAsyncDisposable
{
    private const string AttemptsField = "attempts";
    private const string ErrorField = "error";
    private const string DeadAtField = "dead_at";

    private readonly RedisDedupe dedupe;
    private readonly RedisConsumerSweep sweep;
    private string claimCursor = "0-0";

    /// <summary>Creates the store; it connects to <see cref="XWebhooksRedisOptions.Configuration"/> on first use and owns that connection.</summary>
    /// <param name="options">Connection string, key prefix and consumer name.</param>
    /// <param name="timeProvider">The clock for retry due times and dead-letter times; <see cref="TimeProvider.System"/> when null.</param>
    public RedisWebhookInbox(XWebhooksRedisOptions options, TimeProvider? timeProvider = null)
        : this(RedisStore.Connecting(options, timeProvider))
    {
    }

    /// <summary>Creates the store on a connection the application owns (it is not disposed with the store).</summary>
    /// <param name="connection">A connected multiplexer.</param>
    /// <param name="options">Key prefix and consumer name; <see cref="XWebhooksRedisOptions.Configuration"/> is ignored.</param>
    /// <param name="timeProvider">The clock for retry due times and dead-letter times; <see cref="TimeProvider.System"/> when null.</param>
    public RedisWebhookInbox(IConnectionMultiplexer connection, XWebhooksRedisOptions options, TimeProvider? timeProvider = null)
        : this(RedisStore.On(connection, options, timeProvider))
    {
    }

    private RedisWebhookInbox(RedisStore store)
    {
        Store = store;
        dedupe = new RedisDedupe(store);
        sweep = new RedisConsumerSweep(store);
    }

    /// <summary>The connection, keys and consumer this inbox shares with its dedupe store and watermark.</summary>
    internal RedisStore Store { get; }

    /// <summary>Removes consumers of processes that are gone; leases call it every few minutes.</summary>
    internal RedisConsumerSweep ConsumerSweep => sweep;

    private RedisKeys Keys => Store.Keys;

    /// <inheritdoc />
    /// <remarks>One <c>XADD</c>; returns once Redis acknowledged it (see the type's remarks on durability).</remarks>
    public async ValueTask AppendAsync(XInboxAppend delivery, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var fields = RedisEntryFormat.ForAppend(delivery);
        var database = await Store.DatabaseAsync().ConfigureAwait(false);
        await database.StreamAddAsync(Keys.Inbox, fields).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>One script call (see the type's remarks), plus a consumer sweep every ten minutes.</remarks>
    public async ValueTask<IReadOnlyList<XInboxEntry>> LeaseAsync(int maxEntries, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();

        var leaseMs = (long)Math.Ceiling(leaseDuration.TotalMilliseconds);
        var database = await Store.DatabaseAsync().ConfigureAwait(false);
        var reply = (RedisResult[])(await database.ScriptEvaluateAsync(
            RedisScripts.Lease,
            Keys.InboxAndRetries,
            [RedisStore.GroupName, Store.ConsumerName, Store.NowMs(), maxEntries, leaseMs, Volatile.Read(ref claimCursor)]).ConfigureAwait(false))!;

        // The cursor XAUTOCLAIM continues from at the next lease, so every stuck entry is looked at in turn.
        Volatile.Write(ref claimCursor, (string?)reply[0] is { Length: > 0 } next ? next : "0-0");
        var entries = (RedisResult[])reply[1]!;
        var leased = new XInboxEntry[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            leased[i] = RedisEntryFormat.ReadLeased((RedisResult[])entries[i]!, Store.ConsumerName);
        }

        await sweep.SweepWhenDueAsync(leaseMs).ConfigureAwait(false);
        return leased;
    }

    /// <inheritdoc />
    /// <remarks>One script call (lease check, <c>XACK</c>, <c>XDEL</c>).</remarks>
    public ValueTask CompleteAsync(XInboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return RedisLeaseToken.TryParse(entry.LeaseToken, out var lease)
            ? EvaluateAsync(RedisScripts.Complete, Keys.InboxOnly, [RedisStore.GroupName, entry.Id, lease.Consumer, lease.DeliveryCount])
            : ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RetryLaterAsync(XInboxEntry entry, DateTimeOffset notBefore, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        return RedisLeaseToken.TryParse(entry.LeaseToken, out var lease)
            ? EvaluateAsync(RedisScripts.RetryLater, Keys.InboxAndRetries,
                [RedisStore.GroupName, entry.Id, lease.Consumer, lease.DeliveryCount, notBefore.ToUnixTimeMilliseconds(), entry.Attempt + 1, error])
            : ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DeadLetterAsync(XInboxEntry entry, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        return RedisLeaseToken.TryParse(entry.LeaseToken, out var lease)
            ? EvaluateAsync(RedisScripts.DeadLetter, Keys.InboxAndDeadLetters,
                [RedisStore.GroupName, entry.Id, lease.Consumer, lease.DeliveryCount, entry.Attempt, error, Store.NowMs()])
            : ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<XDeadLetter>> ListDeadLettersAsync(int maxEntries, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        cancellationToken.ThrowIfCancellationRequested();
        var database = await Store.DatabaseAsync().ConfigureAwait(false);
        var entries = await database.StreamRangeAsync(Keys.DeadLetters, count: maxEntries).ConfigureAwait(false);

        var letters = new List<XDeadLetter>(entries.Length);
        foreach (var entry in entries)
        {
            letters.Add(new XDeadLetter(
                entry.Id.ToString(),
                (byte[]?)entry[RedisEntryFormat.Body] ?? [],
                DateTimeOffset.FromUnixTimeMilliseconds((long)entry[RedisEntryFormat.ReceivedAt]),
                (int)entry[AttemptsField],
                entry[ErrorField].ToString(),
                DateTimeOffset.FromUnixTimeMilliseconds((long)entry[DeadAtField])));
        }

        return letters;
    }

    /// <inheritdoc />
    public async ValueTask<bool> RedriveAsync(string deadLetterId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetterId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsStreamId(deadLetterId))
        {
            return false;
        }

        var database = await Store.DatabaseAsync().ConfigureAwait(false);
        var moved = await database.ScriptEvaluateAsync(RedisScripts.Redrive, Keys.InboxAndDeadLetters, [deadLetterId]).ConfigureAwait(false);
        return (long)moved == 1;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Depth counts stream entries (new and leased) and parked retries. The oldest time is that of the stream's
    /// first entry or of the oldest parked retry; a re-driven or retried entry sits behind newer ones in the
    /// stream, so after a re-drive the oldest time can be reported too young.
    /// </remarks>
    public async ValueTask<XInboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var database = await Store.DatabaseAsync().ConfigureAwait(false);
        var length = database.StreamLengthAsync(Keys.Inbox);
        var parked = database.SortedSetLengthAsync(Keys.RetrySchedule);
        var dead = database.StreamLengthAsync(Keys.DeadLetters);
        var head = database.StreamRangeAsync(Keys.Inbox, count: 1);
        var oldestParked = database.SortedSetRangeByRankWithScoresAsync(Keys.RetryReceivedAt, 0, 0);
        await Task.WhenAll(length, parked, dead, head, oldestParked).ConfigureAwait(false);

        long? oldest = null;
        if (head.Result is [var first, ..])
        {
            oldest = (long)first[RedisEntryFormat.ReceivedAt];
        }

        if (oldestParked.Result is [var parkedFirst, ..])
        {
            var parkedMs = (long)parkedFirst.Score;
            oldest = oldest is { } o ? Math.Min(o, parkedMs) : parkedMs;
        }

        return new XInboxStats(
            length.Result + parked.Result,
            oldest is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            dead.Result);
    }

    /// <inheritdoc />
    /// <remarks>One <c>EXISTS</c> of <see cref="XWebhooksRedisOptions.KeyPrefix"/> + <c>dedupe:</c> + <paramref name="key"/>.</remarks>
    public ValueTask<bool> WasProcessedAsync(string key, CancellationToken cancellationToken) => dedupe.WasProcessedAsync(key, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// <c>SET key 1 NX PX retention</c>: the first mark wins and Redis expires it. Returns without waiting for Redis's
    /// reply; the completion that follows on the same connection carries it (see docs/reliability.md).
    /// </remarks>
    public ValueTask MarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken) => dedupe.MarkProcessedAsync(key, retention, cancellationToken);

    /// <summary>Closes the connection when the store opened it. Safe to call more than once.</summary>
    public ValueTask DisposeAsync() => Store.DisposeAsync();

    private async ValueTask EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values)
    {
        var database = await Store.DatabaseAsync().ConfigureAwait(false);
        await database.ScriptEvaluateAsync(script, keys, values).ConfigureAwait(false);
    }

    private static bool IsStreamId(string id)
    {
        var dash = id.IndexOf('-');
        return dash > 0
            && ulong.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && ulong.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
