using XWebhooks.Delivery;
using XWebhooks.Redis;

namespace XWebhooks.Inbox.Tests;

/// <summary>The contract on a real redis-server (one per class, a key prefix per test), plus multi-consumer reclaim.</summary>
public sealed class RedisInboxTests(RedisServerFixture server) : InboxContractTests, IClassFixture<RedisServerFixture>
{
    private readonly string prefix = $"t{Guid.NewGuid():N}:";

    protected override IXWebhookInbox CreateStore(string consumerName)
    {
        server.EnsureAvailable();
        return new RedisWebhookInbox(new XWebhooksRedisOptions
        {
            Configuration = server.Configuration,
            KeyPrefix = prefix,
            ConsumerName = consumerName,
        });
    }

    [SkippableFact]
    public async Task Entries_of_a_dead_consumer_are_reclaimed_by_another_after_the_lease()
    {
        var a = Open("consumer-a");
        var b = Open("consumer-b");
        for (var i = 0; i < 3; i++)
        {
            await a.AppendAsync(Body($"e{i}"), Ms(1_760_000_000_000 + i), CancellationToken.None);
        }

        var leasedByA = await a.LeaseAsync(10, ShortLease, CancellationToken.None);
        Assert.Equal(3, leasedByA.Count);
        Assert.Empty(await b.LeaseAsync(10, ShortLease, CancellationToken.None));

        // A "dies": it never completes. Once its lease ran out, B takes the entries over.
        await ((IAsyncDisposable)a).DisposeAsync();
        var reclaimed = await LeaseWithinAsync(b, TimeSpan.FromSeconds(5), ShortLease);

        Assert.Equal(["e0", "e1", "e2"], reclaimed.Select(e => Text(e.Body)));
        Assert.All(reclaimed, e => Assert.Equal(2, e.Attempt));
        Assert.All(reclaimed, e => Assert.StartsWith("consumer-b|", e.LeaseToken));

        // A's tokens are void even if it comes back; B's complete removes them.
        var a2 = Open("consumer-a");
        await a2.CompleteAsync(leasedByA[0], CancellationToken.None);
        Assert.Equal(3, (await b.GetStatsAsync(CancellationToken.None)).Depth);
        foreach (var entry in reclaimed)
        {
            await b.CompleteAsync(entry, CancellationToken.None);
        }

        Assert.Equal(0, (await b.GetStatsAsync(CancellationToken.None)).Depth);
    }

    [SkippableFact]
    public async Task Consumers_of_gone_processes_are_removed_but_never_one_holding_entries()
    {
        var gone = Open("gone");
        var busy = Open("busy");
        var sweeper = (RedisWebhookInbox)Open("sweeper");
        await gone.AppendAsync(Body("done"), DateTimeOffset.UtcNow, CancellationToken.None);
        var finished = Assert.Single(await gone.LeaseAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None));
        await gone.CompleteAsync(finished, CancellationToken.None);
        await busy.AppendAsync(Body("held"), DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Single(await busy.LeaseAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None));
        await Task.Delay(300);

        var removed = await sweeper.ConsumerSweep.RemoveIdleConsumersAsync(TimeSpan.FromMilliseconds(200));

        Assert.Equal(1, removed);
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(server.Configuration);
        var consumers = await redis.GetDatabase().StreamConsumerInfoAsync(prefix + "inbox", "xwebhooks");
        var busyInfo = Assert.Single(consumers);
        Assert.Equal("busy", busyInfo.Name);
        Assert.Equal(1, busyInfo.PendingMessageCount);

        // Recently active consumers stay, whatever they hold.
        Assert.Equal(0, await sweeper.ConsumerSweep.RemoveIdleConsumersAsync(TimeSpan.FromMinutes(5)));
    }

    [SkippableFact]
    public async Task Appends_before_any_lease_are_delivered_and_dedupe_keys_use_the_prefix()
    {
        var inbox = Open();
        await inbox.AppendAsync(Body("early"), DateTimeOffset.UtcNow, CancellationToken.None);
        await ((IXWebhookDedupe)inbox).MarkProcessedAsync("k1", TimeSpan.FromMinutes(1), CancellationToken.None);

        await using var raw = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(server.Configuration);
        Assert.True(await raw.GetDatabase().KeyExistsAsync(prefix + "dedupe:k1"));
        Assert.Equal(1, await raw.GetDatabase().StreamLengthAsync(prefix + "inbox"));

        Assert.Equal("early", Text(Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None)).Body));
    }
}
