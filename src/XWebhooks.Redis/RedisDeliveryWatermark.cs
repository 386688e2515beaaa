using XWebhooks.Recovery;

namespace XWebhooks.Redis;

/// <summary>
/// The delivery watermark in Redis: one key, <see cref="XWebhooksRedisOptions.KeyPrefix"/> + <c>watermark</c>,
/// holding Unix milliseconds, shared by all instances (so one instance restarting while others received finds a
/// recent watermark and replays nothing).
/// </summary>
/// <remarks>
/// A write is one script call that only raises the value. The runtime writes at most once every few seconds per
/// instance and on shutdown, never per delivery. Durability follows Redis's persistence setting, as for the inbox.
/// </remarks>
public sealed class RedisDeliveryWatermark : IXDeliveryWatermark
{
    private readonly RedisStore store;

    /// <summary>Uses the connection and key prefix of <paramref name="inbox"/>.</summary>
    public RedisDeliveryWatermark(RedisWebhookInbox inbox)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        store = inbox.Store;
    }

    /// <inheritdoc />
    public async ValueTask<DateTimeOffset?> GetLastReceivedAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var database = await store.DatabaseAsync().ConfigureAwait(false);
        var value = await database.StringGetAsync(store.Keys.Watermark).ConfigureAwait(false);
        return value.IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)value);
    }

    /// <inheritdoc />
    public async ValueTask RecordReceivedAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var database = await store.DatabaseAsync().ConfigureAwait(false);
        await database.ScriptEvaluateAsync(RedisScripts.RaiseWatermark, store.Keys.WatermarkOnly, [receivedAt.ToUnixTimeMilliseconds()]).ConfigureAwait(false);
    }
}
