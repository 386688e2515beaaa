using System.Globalization;
using StackExchange.Redis;
using XWebhooks.Delivery;
using XWebhooks.Inbox;

namespace XWebhooks.Redis;

/// <summary>
/// The durable inbox and dedupe store on Redis Streams, for many receiver instances sharing one Redis.
/// </summary>
/// <remarks>
/// <para>
/// <b>Durability.</b> <see cref="AppendAsync(XInboxAppend, CancellationToken)"/> is one <c>XADD</c> (fields <c>body</c>, <c>received_at</c>, and <c>trace_parent</c> when traced) and
/// returns once Redis acknowledged it. Whether an acknowledged append survives a crash of <i>Redis</i> is
/// Redis's persistence setting: <c>appendonly yes</c> with <c>appendfsync always</c> loses nothing;
/// <c>appendfsync everysec</c> (Redis's default with AOF) may lose about the last second; without AOF or
/// replication (<c>WAIT</c>) an acknowledged delivery can be lost. A crash of the receiver loses nothing.
/// </para>
/// <para>
/// <b>Leases.</b> All instances read the stream through one consumer group, each as its own consumer
/// (<see cref="XWebhooksRedisOptions.ConsumerName"/>). <see cref="LeaseAsync"/> first reclaims entries idle
/// in the group longer than the lease duration (<c>XAUTOCLAIM</c>: a dead or stuck worker's entries), then
/// reads new ones (<c>XREADGROUP &gt;</c>). Redis counts every delivery of an entry; the attempt is the
/// entry's stored attempt plus its redeliveries, and the lease token is the consumer name and delivery count,
/// so a reclaimed lease's old token no longer matches. The idle threshold is the duration of the lease that
/// reclaims, so every instance should use the same lease duration.
/// </para>
/// <para>
/// <b>Retries.</b> <see cref="RetryLaterAsync"/> atomically (one script) acknowledges and deletes the stream
/// entry and parks its body, received time, next attempt and error in a sorted set scored by the due time
/// (plus a hash for the data). Each lease first moves due parked entries back onto the stream as new stream
/// entries, where the next read picks them up. So a retried entry is invisible until it is due, and it
/// re-enters behind entries that arrived meanwhile.
/// </para>
/// <para>
/// <b>Dead letters.</b> A second stream; <see cref="RedriveAsync"/> moves an entry back with attempt 1.
/// <b>Dedupe.</b> <c>SET key 1 NX PX retention</c> and <c>EXISTS</c>, keys prefixed
/// <see cref="XWebhooksRedisOptions.KeyPrefix"/> + <c>dedupe:</c>.
/// </para>
/// </remarks>
public sealed class RedisWebhookInbox : IXWebhookInbox, IXWebhookDedupe, IAsyncDisposable
{
    private const string GroupName = "xwebhooks";
    private const string BodyField = "body";
    private const string ReceivedAtField = "received_at";
    private const string AttemptField = "attempt";
    private const string TraceParentField = "trace_parent";
    private static readonly TimeSpan ConsumerSweepInterval = TimeSpan.FromMinutes(10);

    private readonly string? configuration;
    private readonly bool ownsConnection;
    private readonly TimeProvider time;
    private readonly string consumer;
    private readonly string dedupePrefix;
    private readonly RedisKey stream;
    private readonly RedisKey dead;
    private readonly RedisKey[] retryKeys;
    private readonly Lock connectionLock = new();
    private Task<IConnectionMultiplexer>? connecting;
    private Task? groupCreated;
    private string claimCursor = "0-0";
    private long nextConsumerSweepMs;
    private int disposed;

    /// <summary>Creates the store; it connects to <see cref="XWebhooksRedisOptions.Configuration"/> on first use and owns that connection.</summary>
    /// <param name="options">Connection string, key prefix and consumer name.</param>
    /// <param name="timeProvider">The clock for retry due times and dead-letter times; <see cref="TimeProvider.System"/> when null.</param>
    public RedisWebhookInbox(XWebhooksRedisOptions options, TimeProvider? timeProvider = null)
        : this(timeProvider, options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Configuration, nameof(options) + "." + nameof(options.Configuration));
        configuration = options.Configuration;
        ownsConnection = true;
    }

    /// <summary>Creates the store on a connection the application owns (it is not disposed with the store).</summary>
    /// <param name="connection">A connected multiplexer.</param>
    /// <param name="options">Key prefix and consumer name; <see cref="XWebhooksRedisOptions.Configuration"/> is ignored.</param>
    /// <param name="timeProvider">The clock for retry due times and dead-letter times; <see cref="TimeProvider.System"/> when null.</param>
    public RedisWebhookInbox(IConnectionMultiplexer connection, XWebhooksRedisOptions options, TimeProvider? timeProvider = null)
        : this(timeProvider, options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.connecting = Task.FromResult(connection);
    }

    private RedisWebhookInbox(TimeProvider? timeProvider, XWebhooksRedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.KeyPrefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConsumerName, nameof(options) + "." + nameof(options.ConsumerName));

        time = timeProvider ?? TimeProvider.System;
        this.consumer = options.ConsumerName;
        KeyPrefix = options.KeyPrefix;
        dedupePrefix = options.KeyPrefix + "dedupe:";
        stream = options.KeyPrefix + "inbox";
        this.dead = options.KeyPrefix + "dead";
        retryKeys = [stream, options.KeyPrefix + "retry", options.KeyPrefix + "retry:data", options.KeyPrefix + "retry:received"];
    }

    /// <summary>The prefix of every key of this store.</summary>
    internal string KeyPrefix { get; }

    /// <inheritdoc />
    /// <remarks>Returns once Redis acknowledged the <c>XADD</c>; see the type's remarks on durability.</remarks>
    public async ValueTask AppendAsync(XInboxAppend delivery, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = await DatabaseAsync().ConfigureAwait(false);
        var (body, receivedAt, traceParent) = (delivery.Body, delivery.ReceivedAt, delivery.TraceParent);
        NameValueEntry[] fields = traceParent is null
            ? [new(BodyField, body.ToArray()), new(ReceivedAtField, receivedAt.ToUnixTimeMilliseconds())]
            : [new(BodyField, body.ToArray()), new(ReceivedAtField, receivedAt.ToUnixTimeMilliseconds()), new(TraceParentField, traceParent)];
        await db.StreamAddAsync(stream, fields).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<XInboxEntry>> LeaseAsync(int maxEntries, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();

        var db = await DatabaseAsync().ConfigureAwait(false);
        await EnsureGroupAsync(db).ConfigureAwait(false);
        try
        {
            return await LeaseCoreAsync(db, maxEntries, (long)Math.Ceiling(leaseDuration.TotalMilliseconds)).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (IsNoGroup(ex))
        {
            // The stream was deleted behind our back (FLUSHDB, DEL): create the group again.
            ResetGroup();
            await EnsureGroupAsync(db).ConfigureAwait(false);
            return await LeaseCoreAsync(db, maxEntries, (long)Math.Ceiling(leaseDuration.TotalMilliseconds)).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(XInboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!TryParseToken(entry.LeaseToken, out var consumer, out var count))
        {
            return;
        }

        await EvaluateOnGroupAsync(RedisScripts.Complete, [stream], [GroupName, entry.Id, consumer, count]).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RetryLaterAsync(XInboxEntry entry, DateTimeOffset notBefore, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParseToken(entry.LeaseToken, out var consumer, out var count))
        {
            return;
        }

        await EvaluateOnGroupAsync(RedisScripts.RetryLater, retryKeys,
            [GroupName, entry.Id, consumer, count, notBefore.ToUnixTimeMilliseconds(), entry.Attempt + 1, error]).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DeadLetterAsync(XInboxEntry entry, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParseToken(entry.LeaseToken, out var consumer, out var count))
        {
            return;
        }

        await EvaluateOnGroupAsync(RedisScripts.DeadLetter, [stream, this.dead],
            [GroupName, entry.Id, consumer, count, entry.Attempt, error, NowMs()]).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<XDeadLetter>> ListDeadLettersAsync(int maxEntries, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        cancellationToken.ThrowIfCancellationRequested();
        var db = await DatabaseAsync().ConfigureAwait(false);
        var entries = await db.StreamRangeAsync(this.dead, count: maxEntries).ConfigureAwait(false);

        var letters = new List<XDeadLetter>(entries.Length);
        foreach (var entry in entries)
        {
            letters.Add(new XDeadLetter(
                entry.Id.ToString(),
                (byte[]?)entry[BodyField] ?? [],
                DateTimeOffset.FromUnixTimeMilliseconds((long)entry[ReceivedAtField]),
                (int)entry["attempts"],
                entry["error"].ToString(),
                DateTimeOffset.FromUnixTimeMilliseconds((long)entry["dead_at"])));
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

        var db = await DatabaseAsync().ConfigureAwait(false);
        var moved = await db.ScriptEvaluateAsync(RedisScripts.Redrive, [stream, this.dead], [deadLetterId]).ConfigureAwait(false);
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
        var db = await DatabaseAsync().ConfigureAwait(false);
        var length = db.StreamLengthAsync(stream);
        var parked = db.SortedSetLengthAsync(retryKeys[1]);
        var dead = db.StreamLengthAsync(this.dead);
        var head = db.StreamRangeAsync(stream, count: 1);
        var oldestParked = db.SortedSetRangeByRankWithScoresAsync(retryKeys[3], 0, 0);
        await Task.WhenAll(length, parked, dead, head, oldestParked).ConfigureAwait(false);

        long? oldest = null;
        if (head.Result is [var first, ..])
        {
            oldest = (long)first[ReceivedAtField];
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
    public async ValueTask<bool> WasProcessedAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        var db = await DatabaseAsync().ConfigureAwait(false);
        return await db.KeyExistsAsync(dedupePrefix + key).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks><c>SET key 1 NX PX retention</c>: the first mark wins and Redis expires it.</remarks>
    public async ValueTask MarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var db = await DatabaseAsync().ConfigureAwait(false);
        await db.StringSetAsync(dedupePrefix + key, 1, retention, When.NotExists).ConfigureAwait(false);
    }

    /// <summary>Closes the connection when the store opened it. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0 || !ownsConnection)
        {
            return;
        }

        Task<IConnectionMultiplexer>? connecting;
        lock (connectionLock)
        {
            connecting = this.connecting;
        }

        if (connecting is { IsCompletedSuccessfully: true })
        {
            await connecting.Result.DisposeAsync().ConfigureAwait(false);
        }
        else if (connecting is not null)
        {
            try
            {
                await (await connecting.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
            catch (RedisConnectionException)
            {
                // Never connected: nothing to close.
            }
        }
    }

    private async Task<IReadOnlyList<XInboxEntry>> LeaseCoreAsync(IDatabase db, int maxEntries, long leaseMs)
    {
        // Parked retries that are due go back onto the stream, where XREADGROUP below picks them up.
        await db.ScriptEvaluateAsync(RedisScripts.PromoteDue, retryKeys, [NowMs(), maxEntries]).ConfigureAwait(false);

        var leased = new List<XInboxEntry>(maxEntries);

        // 1. Entries whose lease ran out (idle in the group longer than a lease), oldest first.
        var claimed = await AutoClaimAsync(db, maxEntries, leaseMs).ConfigureAwait(false);
        if (claimed.Count > 0)
        {
            var counts = new Task<StreamPendingMessageInfo[]>[claimed.Count];
            for (var i = 0; i < claimed.Count; i++)
            {
                counts[i] = db.StreamPendingMessagesAsync(stream, GroupName, 1, this.consumer, claimed[i].Id, claimed[i].Id);
            }

            await Task.WhenAll(counts).ConfigureAwait(false);
            for (var i = 0; i < claimed.Count; i++)
            {
                // Empty when another consumer reclaimed it in between (a lease shorter than a round trip).
                if (counts[i].Result is [var pending])
                {
                    leased.Add(ToEntry(claimed[i], pending.DeliveryCount));
                }
            }
        }

        // 2. New entries.
        var remaining = maxEntries - claimed.Count;
        if (remaining > 0)
        {
            var fresh = await db.StreamReadGroupAsync(stream, GroupName, this.consumer, StreamPosition.NewMessages, remaining).ConfigureAwait(false);
            foreach (var entry in fresh)
            {
                if (!entry.IsNull)
                {
                    leased.Add(ToEntry(entry, deliveryCount: 1));
                }
            }
        }

        await SweepIdleConsumersAsync(leaseMs).ConfigureAwait(false);
        return leased;
    }

    /// <summary>
    /// Every <see cref="ConsumerSweepInterval"/>, deletes consumers of processes that are gone (names are
    /// machine-pid, so each restart adds one): those with nothing pending and idle for ten leases, at least
    /// <see cref="ConsumerSweepInterval"/>. Their entries were already reclaimed by <c>XAUTOCLAIM</c>.
    /// </summary>
    private async Task SweepIdleConsumersAsync(long leaseMs)
    {
        var now = NowMs();
        if (now < Volatile.Read(ref nextConsumerSweepMs))
        {
            return;
        }

        Volatile.Write(ref nextConsumerSweepMs, now + (long)ConsumerSweepInterval.TotalMilliseconds);
        var idleFor = TimeSpan.FromMilliseconds(Math.Max(10 * leaseMs, ConsumerSweepInterval.TotalMilliseconds));
        try
        {
            await RemoveIdleConsumersAsync(idleFor).ConfigureAwait(false);
        }
        catch (RedisServerException)
        {
            // Housekeeping never fails a lease (say, a server that refuses XINFO in scripts): the next sweep tries again.
        }
    }

    /// <summary>Deletes the group's consumers other than this one with nothing pending and idle longer than <paramref name="idleFor"/>.</summary>
    internal async Task<int> RemoveIdleConsumersAsync(TimeSpan idleFor)
    {
        var db = await DatabaseAsync().ConfigureAwait(false);
        await EnsureGroupAsync(db).ConfigureAwait(false);
        var removed = await db.ScriptEvaluateAsync(
            RedisScripts.RemoveIdleConsumers, [stream], [GroupName, this.consumer, (long)idleFor.TotalMilliseconds]).ConfigureAwait(false);
        return (int)removed;
    }

    private async Task<List<StreamEntry>> AutoClaimAsync(IDatabase db, int maxEntries, long leaseMs)
    {
        // XAUTOCLAIM scans the pending list from a cursor; keep it between leases and wrap around once.
        var claimed = new List<StreamEntry>();
        var start = Volatile.Read(ref claimCursor);
        for (var pass = 0; pass < 2 && claimed.Count < maxEntries; pass++)
        {
            var result = await db.StreamAutoClaimAsync(stream, GroupName, this.consumer, leaseMs, start, maxEntries - claimed.Count).ConfigureAwait(false);
            foreach (var entry in result.ClaimedEntries)
            {
                if (!entry.IsNull)
                {
                    claimed.Add(entry);
                }
            }

            var next = result.NextStartId.ToString();
            Volatile.Write(ref claimCursor, next is { Length: > 0 } ? next : "0-0");
            if (start == "0-0" || claimCursor != "0-0")
            {
                break;
            }

            start = "0-0";
        }

        return claimed;
    }

    private XInboxEntry ToEntry(StreamEntry entry, int deliveryCount)
    {
        var stored = entry[AttemptField];
        var baseAttempt = stored.IsNullOrEmpty ? 1 : (int)stored;
        var traceParent = entry[TraceParentField];
        return new XInboxEntry(
            entry.Id.ToString(),
            (byte[]?)entry[BodyField] ?? [],
            DateTimeOffset.FromUnixTimeMilliseconds((long)entry[ReceivedAtField]),
            baseAttempt + deliveryCount - 1,
            string.Create(CultureInfo.InvariantCulture, $"{this.consumer}|{deliveryCount}"))
        {
            TraceParent = traceParent.IsNullOrEmpty ? null : (string?)traceParent,
        };
    }

    private async Task EvaluateOnGroupAsync(string script, RedisKey[] keys, RedisValue[] values)
    {
        var db = await DatabaseAsync().ConfigureAwait(false);
        await EnsureGroupAsync(db).ConfigureAwait(false);
        try
        {
            await db.ScriptEvaluateAsync(script, keys, values).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (IsNoGroup(ex))
        {
            // No group means no pending entries: nothing is leased, so there is nothing to act on.
            ResetGroup();
        }
    }

    private static bool TryParseToken(string token, out string consumer, out long deliveryCount)
    {
        var separator = token.LastIndexOf('|');
        if (separator > 0 && long.TryParse(token.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out deliveryCount))
        {
            consumer = token[..separator];
            return true;
        }

        consumer = string.Empty;
        deliveryCount = 0;
        return false;
    }

    private static bool IsStreamId(string id)
    {
        var dash = id.IndexOf('-');
        return dash > 0
            && ulong.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && ulong.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    private static bool IsNoGroup(RedisServerException ex) => ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal);

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The database, connecting first when needed (a failed connect is retried by the next call).</summary>
    internal async ValueTask<IDatabase> DatabaseAsync()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        Task<IConnectionMultiplexer> connecting;
        lock (connectionLock)
        {
            if (this.connecting is null || this.connecting.IsFaulted || this.connecting.IsCanceled)
            {
                // A failed connect is retried by the next call.
                this.connecting = ConnectAsync(configuration!);
            }

            connecting = this.connecting;
        }

        return (await connecting.ConfigureAwait(false)).GetDatabase();
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration)
        => await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);

    private Task EnsureGroupAsync(IDatabase db)
    {
        lock (connectionLock)
        {
            if (groupCreated is null || groupCreated.IsFaulted)
            {
                groupCreated = CreateGroupAsync(db);
            }

            return groupCreated;
        }
    }

    private void ResetGroup()
    {
        lock (connectionLock)
        {
            groupCreated = null;
        }
    }

    private async Task CreateGroupAsync(IDatabase db)
    {
        try
        {
            // From "0" so entries appended before the group existed are delivered too.
            await db.StreamCreateConsumerGroupAsync(stream, GroupName, "0", createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another instance (or an earlier run) created it.
        }
    }
}
