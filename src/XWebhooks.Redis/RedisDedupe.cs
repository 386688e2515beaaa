using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;
using XWebhooks.Delivery;

namespace XWebhooks.Redis;

/// <summary>
/// The dedupe store: one key per processed event, <see cref="XWebhooksRedisOptions.KeyPrefix"/> + <c>dedupe:</c> +
/// the runtime's key, expired by Redis after the retention.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="WasProcessedAsync"/> runs on the acknowledgement path of every delivery, so it is one <c>EXISTS</c>
/// and allocates nothing of its own: the prefix is kept as bytes by a prefixed database and joined to the key
/// only when the command is written.
/// </para>
/// <para>
/// <see cref="MarkProcessedAsync"/> (<c>SET key 1 NX PX retention</c>: the first mark wins) does not wait for
/// Redis's reply: the worker's completion that follows on the same connection carries it in the same round
/// trip, and Redis runs commands of one connection in order, so a completion never lands without its mark. A
/// mark lost with the connection or the process means a re-send of that event runs once more, as does a
/// completion lost the same way.
/// </para>
/// </remarks>
internal sealed class RedisDedupe(RedisStore store) : IXWebhookDedupe
{
    private IDatabase? prefixed;

    public ValueTask<bool> WasProcessedAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        var database = store.DatabaseAsync();
        return database.IsCompletedSuccessfully
            ? new ValueTask<bool>(Prefixed(database.Result).KeyExistsAsync(key))
            : ExistsAfterConnectAsync(database, key);
    }

    public async ValueTask MarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var database = await store.DatabaseAsync().ConfigureAwait(false);

        // Fire-and-forget: queued on the connection and answered at once, before Redis replied.
        await Prefixed(database).StringSetAsync(key, 1, retention, When.NotExists, CommandFlags.FireAndForget).ConfigureAwait(false);
    }

    private async ValueTask<bool> ExistsAfterConnectAsync(ValueTask<IDatabase> connecting, string key)
        => await Prefixed(await connecting.ConfigureAwait(false)).KeyExistsAsync(key).ConfigureAwait(false);

    /// <summary>The database with the dedupe prefix. The store's connection never changes once made, so one is enough.</summary>
    private IDatabase Prefixed(IDatabase database) => prefixed ??= database.WithKeyPrefix(store.Keys.DedupePrefix);
}
