using StackExchange.Redis;

namespace XWebhooks.Redis;

/// <summary>
/// Deletes consumers of processes that are gone (consumer names are machine-pid, so each restart adds one): every
/// <see cref="Interval"/>, those with nothing pending and idle for ten leases, at least <see cref="Interval"/>.
/// Their entries were already taken over by the lease script's <c>XAUTOCLAIM</c>.
/// </summary>
internal sealed class RedisConsumerSweep(RedisStore store)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private long nextSweepMs;

    /// <summary>Sweeps when the interval has passed since the last sweep; housekeeping never fails the caller.</summary>
    public async Task SweepWhenDueAsync(long leaseMs)
    {
        var now = store.NowMs();
        if (now < Volatile.Read(ref nextSweepMs))
        {
            return;
        }

        Volatile.Write(ref nextSweepMs, now + (long)Interval.TotalMilliseconds);
        try
        {
            await RemoveIdleConsumersAsync(TimeSpan.FromMilliseconds(Math.Max(10 * leaseMs, Interval.TotalMilliseconds))).ConfigureAwait(false);
        }
        catch (RedisServerException)
        {
            // Say, a server that refuses XINFO in scripts: the next sweep tries again.
        }
    }

    /// <summary>Deletes the group's consumers other than this one with nothing pending and idle longer than <paramref name="idleFor"/>.</summary>
    public async Task<int> RemoveIdleConsumersAsync(TimeSpan idleFor)
    {
        var database = await store.DatabaseAsync().ConfigureAwait(false);
        var removed = await database.ScriptEvaluateAsync(
            RedisScripts.RemoveIdleConsumers,
            store.Keys.InboxOnly,
            [RedisStore.GroupName, store.ConsumerName, (long)idleFor.TotalMilliseconds]).ConfigureAwait(false);
        return (int)removed;
    }
}
