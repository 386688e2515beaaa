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

    [SkippableFact]
    public async Task Event_index_and_trace_parent_come_back_after_a_takeover_a_retry_and_a_redrive()
    {
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        byte[] index = [0, 1, 2, 255, 0x7b, 0];
        var a = Open("consumer-a");
        var b = Open("consumer-b");

        // The runtime hands over pooled buffers: what was stored must not change when they are reused.
        var bodyBuffer = "indexed"u8.ToArray();
        var indexBuffer = index.ToArray();
        await a.AppendAsync(new XInboxAppend(bodyBuffer, Ms(1_760_000_000_000)) { TraceParent = traceParent, EventIndex = indexBuffer }, CancellationToken.None);
        Array.Fill(bodyBuffer, (byte)'x');
        Array.Fill(indexBuffer, (byte)9);
        await a.AppendAsync(Body("plain"), Ms(1_760_000_000_001), CancellationToken.None);

        var leased = await a.LeaseAsync(10, ShortLease, CancellationToken.None);
        Assert.Equal(["indexed", "plain"], leased.Select(e => Text(e.Body)));
        Assert.Equal(index, leased[0].EventIndex.ToArray());
        Assert.Equal(traceParent, leased[0].TraceParent);
        Assert.True(leased[1].EventIndex.IsEmpty);
        Assert.Null(leased[1].TraceParent);

        // A dies holding both; B takes them over once the lease ran out.
        await ((IAsyncDisposable)a).DisposeAsync();
        var taken = await LeaseWithinAsync(b, TimeSpan.FromSeconds(5), ShortLease);
        Assert.Equal(["indexed", "plain"], taken.Select(e => Text(e.Body)));
        Assert.Equal([2, 2], taken.Select(e => e.Attempt));
        Assert.Equal(index, taken[0].EventIndex.ToArray());
        Assert.Equal(traceParent, taken[0].TraceParent);
        Assert.True(taken[1].EventIndex.IsEmpty);
        await b.CompleteAsync(taken[1], CancellationToken.None);

        await b.RetryLaterAsync(taken[0], DateTimeOffset.UtcNow, "System.TimeoutException: slow", CancellationToken.None);
        var retried = Assert.Single(await LeaseWithinAsync(b, TimeSpan.FromSeconds(10), LongLease));
        Assert.Equal(3, retried.Attempt);
        Assert.Equal(index, retried.EventIndex.ToArray());
        Assert.Equal(traceParent, retried.TraceParent);

        await b.DeadLetterAsync(retried, "System.InvalidOperationException: boom", CancellationToken.None);
        var dead = Assert.Single(await b.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.True(await b.RedriveAsync(dead.Id, CancellationToken.None));
        var redriven = Assert.Single(await b.LeaseAsync(10, LongLease, CancellationToken.None));
        Assert.Equal("indexed", Text(redriven.Body));
        Assert.Equal(1, redriven.Attempt);
        Assert.Equal(index, redriven.EventIndex.ToArray());
        Assert.Equal(traceParent, redriven.TraceParent);
    }

    [SkippableFact]
    public async Task A_delivery_whose_completion_was_lost_runs_again_and_its_dedupe_mark_still_holds()
    {
        byte[] index = [3, 1, 4];
        var key = "xaa:" + Guid.NewGuid().ToString("N");
        var a = Open("worker-a");
        var b = Open("worker-b");
        await a.AppendAsync(new XInboxAppend(Body("handled-once"), Ms(1_760_000_000_000)) { EventIndex = index }, CancellationToken.None);
        var first = Assert.Single(await a.LeaseAsync(10, ShortLease, CancellationToken.None));

        // Worker A runs the handler and marks the event; the mark reaches Redis (a later command on A's connection
        // sees it), then A dies before its XACK.
        await ((IXWebhookDedupe)a).MarkProcessedAsync(key, TimeSpan.FromHours(1), CancellationToken.None);
        Assert.True(await ((IXWebhookDedupe)a).WasProcessedAsync(key, CancellationToken.None));
        await ((IAsyncDisposable)a).DisposeAsync();

        // The delivery is not lost: B gets it again, with its event index, and the dedupe store says the event ran.
        var again = Assert.Single(await LeaseWithinAsync(b, TimeSpan.FromSeconds(5), ShortLease));
        Assert.Equal(first.Id, again.Id);
        Assert.Equal("handled-once", Text(again.Body));
        Assert.Equal(2, again.Attempt);
        Assert.Equal(index, again.EventIndex.ToArray());
        Assert.True(await ((IXWebhookDedupe)b).WasProcessedAsync(key, CancellationToken.None));
        await using var raw = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(server.Configuration);
        Assert.InRange(await raw.GetDatabase().KeyTimeToLiveAsync(prefix + "dedupe:" + key) ?? TimeSpan.Zero, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));

        await b.CompleteAsync(again, CancellationToken.None);
        Assert.Equal(0, (await b.GetStatsAsync(CancellationToken.None)).Depth);
    }

    [SkippableFact]
    public async Task A_deleted_stream_comes_back_with_its_group_at_the_next_lease()
    {
        var inbox = Open();
        await inbox.AppendAsync(Body("before"), DateTimeOffset.UtcNow, CancellationToken.None);
        var orphan = Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));

        // Someone deletes the stream (DEL, FLUSHDB): the group goes with it.
        await using var raw = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(server.Configuration);
        Assert.True(await raw.GetDatabase().KeyDeleteAsync(prefix + "inbox"));

        // Acting on a lease of the deleted stream is a no-op, not an error; the next lease creates both again.
        await inbox.CompleteAsync(orphan, CancellationToken.None);
        await inbox.RetryLaterAsync(orphan, DateTimeOffset.UtcNow, "e", CancellationToken.None);
        await inbox.DeadLetterAsync(orphan, "e", CancellationToken.None);
        Assert.Empty(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        await inbox.AppendAsync(Body("after"), DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal("after", Text(Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None)).Body));
        var stats = await inbox.GetStatsAsync(CancellationToken.None);
        Assert.Equal((1, 0), (stats.Depth, stats.DeadLetters));
    }
}
