using System.Diagnostics;
using System.Text;
using XWebhooks.Delivery;
using XWebhooks.Inbox;

namespace XWebhooks.Inbox.Tests;

/// <summary>
/// The behaviour every <see cref="IXWebhookInbox"/> + <see cref="IXWebhookDedupe"/> store must show, run against
/// each store on a real engine. Each test gets its own storage (a file, a key prefix).
/// </summary>
public abstract class InboxContractTests : IAsyncLifetime
{
    protected static readonly TimeSpan LongLease = TimeSpan.FromSeconds(30);
    protected static readonly TimeSpan ShortLease = TimeSpan.FromMilliseconds(200);

    private readonly List<IAsyncDisposable> opened = [];

    /// <summary>A new store instance on this test's storage; skips (or fails on CI) when the engine is missing.</summary>
    protected abstract IXWebhookInbox CreateStore(string consumerName);

    protected IXWebhookInbox Open(string consumerName = "consumer-a")
    {
        var store = CreateStore(consumerName);
        opened.Add((IAsyncDisposable)store);
        return store;
    }

    /// <summary>Closes <paramref name="store"/> (no completes, nothing flushed by hand) and opens the same storage again.</summary>
    protected async Task<IXWebhookInbox> ReopenAsync(IXWebhookInbox store, string consumerName = "consumer-reopened")
    {
        await ((IAsyncDisposable)store).DisposeAsync();
        return Open(consumerName);
    }

    protected static ReadOnlyMemory<byte> Body(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(ReadOnlyMemory<byte> body) => Encoding.UTF8.GetString(body.Span);

    protected static DateTimeOffset Ms(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    protected static async Task<IReadOnlyList<XInboxEntry>> LeaseWithinAsync(IXWebhookInbox inbox, TimeSpan within, TimeSpan leaseDuration, int max = 10)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var leased = await inbox.LeaseAsync(max, leaseDuration, CancellationToken.None);
            if (leased.Count > 0 || deadline.Elapsed > within)
            {
                return leased;
            }

            await Task.Delay(50);
        }
    }

    [SkippableFact]
    public async Task Append_lease_complete()
    {
        var inbox = Open();
        var received = Ms(1_760_000_000_123);
        await inbox.AppendAsync(Body("{\"a\":1}"), received, CancellationToken.None);

        var leased = await inbox.LeaseAsync(10, LongLease, CancellationToken.None);

        var entry = Assert.Single(leased);
        Assert.Equal("{\"a\":1}", Text(entry.Body));
        Assert.Equal(received, entry.ReceivedAt);
        Assert.Equal(1, entry.Attempt);
        Assert.False(string.IsNullOrEmpty(entry.LeaseToken));

        await inbox.CompleteAsync(entry, CancellationToken.None);
        Assert.Empty(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        var stats = await inbox.GetStatsAsync(CancellationToken.None);
        Assert.Equal(0, stats.Depth);
        Assert.Null(stats.OldestReceivedAt);
    }

    [SkippableFact]
    public async Task Trace_parent_of_the_delivery_comes_back_with_every_lease_and_retry()
    {
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var inbox = Open();
        await inbox.AppendAsync(new XInboxAppend(Body("traced"), Ms(1_760_000_000_000)) { TraceParent = traceParent }, CancellationToken.None);
        await inbox.AppendAsync(Body("untraced"), Ms(1_760_000_000_001), CancellationToken.None);

        var leased = await inbox.LeaseAsync(10, LongLease, CancellationToken.None);
        Assert.Equal(["traced", "untraced"], leased.Select(e => Text(e.Body)));
        Assert.Equal(traceParent, leased[0].TraceParent);
        Assert.Null(leased[1].TraceParent);

        // A retried entry keeps it, so the next attempt's span links to the same delivery.
        await inbox.RetryLaterAsync(leased[0], DateTimeOffset.UtcNow, "System.TimeoutException: slow", CancellationToken.None);
        var retried = Assert.Single(await LeaseWithinAsync(inbox, TimeSpan.FromSeconds(10), LongLease));
        Assert.Equal("traced", Text(retried.Body));
        Assert.Equal(2, retried.Attempt);
        Assert.Equal(traceParent, retried.TraceParent);
    }

    [SkippableFact]
    public async Task Lease_returns_oldest_first_and_at_most_max()
    {
        var inbox = Open();
        for (var i = 0; i < 5; i++)
        {
            await inbox.AppendAsync(Body($"e{i}"), Ms(1_760_000_000_000 + i), CancellationToken.None);
        }

        var first = await inbox.LeaseAsync(3, LongLease, CancellationToken.None);
        var second = await inbox.LeaseAsync(3, LongLease, CancellationToken.None);

        Assert.Equal(["e0", "e1", "e2"], first.Select(e => Text(e.Body)));
        Assert.Equal(["e3", "e4"], second.Select(e => Text(e.Body)));
    }

    [SkippableFact]
    public async Task Leased_entry_is_hidden_from_other_leases()
    {
        var inbox = Open();
        var other = Open("consumer-b");
        await inbox.AppendAsync(Body("x"), DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));

        Assert.Empty(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        Assert.Empty(await other.LeaseAsync(10, LongLease, CancellationToken.None));
        Assert.Equal(1, (await inbox.GetStatsAsync(CancellationToken.None)).Depth);
    }

    [SkippableFact]
    public async Task Expired_lease_is_leased_again_with_next_attempt_and_old_token_is_void()
    {
        var inbox = Open();
        await inbox.AppendAsync(Body("x"), DateTimeOffset.UtcNow, CancellationToken.None);
        var first = Assert.Single(await inbox.LeaseAsync(10, ShortLease, CancellationToken.None));

        // Workers lease with one configured duration; Redis judges expiry by the reclaiming lease's duration.
        var stopwatch = Stopwatch.StartNew();
        var again = Assert.Single(await LeaseWithinAsync(inbox, TimeSpan.FromSeconds(5), ShortLease));

        Assert.True(stopwatch.Elapsed >= ShortLease - TimeSpan.FromMilliseconds(20), $"re-leased after {stopwatch.Elapsed}");
        Assert.Equal("x", Text(again.Body));
        Assert.Equal(2, again.Attempt);
        Assert.NotEqual(first.LeaseToken, again.LeaseToken);

        // The first worker comes back late: its lease was taken over, so its complete is a no-op.
        await inbox.CompleteAsync(first, CancellationToken.None);
        Assert.Equal(1, (await inbox.GetStatsAsync(CancellationToken.None)).Depth);

        await inbox.CompleteAsync(again, CancellationToken.None);
        Assert.Equal(0, (await inbox.GetStatsAsync(CancellationToken.None)).Depth);
    }

    [SkippableFact]
    public async Task Retry_later_is_not_due_before_not_before_and_counts_an_attempt()
    {
        var inbox = Open();
        await inbox.AppendAsync(Body("retry-me"), Ms(1_760_000_000_000), CancellationToken.None);
        var entry = Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));

        var notBefore = DateTimeOffset.UtcNow.AddMilliseconds(1200);
        await inbox.RetryLaterAsync(entry, notBefore, "System.TimeoutException: slow", CancellationToken.None);

        Assert.Empty(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        var stats = await inbox.GetStatsAsync(CancellationToken.None);
        Assert.Equal(1, stats.Depth);
        Assert.Equal(Ms(1_760_000_000_000), stats.OldestReceivedAt);

        var retried = Assert.Single(await LeaseWithinAsync(inbox, TimeSpan.FromSeconds(10), LongLease));
        Assert.True(DateTimeOffset.UtcNow >= notBefore.AddMilliseconds(-20), "leased before it was due");
        Assert.Equal("retry-me", Text(retried.Body));
        Assert.Equal(Ms(1_760_000_000_000), retried.ReceivedAt);
        Assert.Equal(2, retried.Attempt);

        // A second failure dead-letters it with both attempts counted.
        await inbox.DeadLetterAsync(retried, "System.TimeoutException: slow again", CancellationToken.None);
        var dead = Assert.Single(await inbox.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Equal(2, dead.Attempts);
    }

    [SkippableFact]
    public async Task Dead_letter_is_listed_with_error_and_redrive_makes_it_leasable_with_attempt_one()
    {
        var inbox = Open();
        var received = Ms(1_760_000_000_500);
        await inbox.AppendAsync(Body("poison"), received, CancellationToken.None);
        var entry = Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await inbox.DeadLetterAsync(entry, "System.InvalidOperationException: boom", CancellationToken.None);

        var dead = Assert.Single(await inbox.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Equal("poison", Text(dead.Body));
        Assert.Equal(received, dead.ReceivedAt);
        Assert.Equal(1, dead.Attempts);
        Assert.Equal("System.InvalidOperationException: boom", dead.Error);
        Assert.InRange(dead.DeadLetteredAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Empty(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        Assert.Equal(new XInboxStats(0, null, 1), await inbox.GetStatsAsync(CancellationToken.None));

        Assert.True(await inbox.RedriveAsync(dead.Id, CancellationToken.None));

        Assert.Empty(await inbox.ListDeadLettersAsync(10, CancellationToken.None));
        var redriven = Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        Assert.Equal("poison", Text(redriven.Body));
        Assert.Equal(received, redriven.ReceivedAt);
        Assert.Equal(1, redriven.Attempt);

        Assert.False(await inbox.RedriveAsync(dead.Id, CancellationToken.None));
        Assert.False(await inbox.RedriveAsync("no-such-id", CancellationToken.None));
        Assert.False(await inbox.RedriveAsync("999999-0", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Wrong_lease_token_cannot_complete_retry_or_dead_letter()
    {
        var inbox = Open();
        await inbox.AppendAsync(Body("x"), DateTimeOffset.UtcNow, CancellationToken.None);
        var entry = Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        var forged = entry with { LeaseToken = "not-the-token" };
        var forgedLike = entry with { LeaseToken = entry.LeaseToken + "0" };

        await inbox.CompleteAsync(forged, CancellationToken.None);
        await inbox.CompleteAsync(forgedLike, CancellationToken.None);
        await inbox.RetryLaterAsync(forged, DateTimeOffset.UtcNow, "e", CancellationToken.None);
        await inbox.DeadLetterAsync(forged, "e", CancellationToken.None);

        Assert.Equal(1, (await inbox.GetStatsAsync(CancellationToken.None)).Depth);
        Assert.Equal(0, (await inbox.GetStatsAsync(CancellationToken.None)).DeadLetters);
        Assert.Empty(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));

        await inbox.CompleteAsync(entry, CancellationToken.None);
        Assert.Equal(0, (await inbox.GetStatsAsync(CancellationToken.None)).Depth);
    }

    [SkippableFact]
    public async Task Stats_report_depth_oldest_and_dead_letters()
    {
        var inbox = Open();
        Assert.Equal(new XInboxStats(0, null, 0), await inbox.GetStatsAsync(CancellationToken.None));

        var t0 = Ms(1_760_000_000_000);
        for (var i = 0; i < 3; i++)
        {
            await inbox.AppendAsync(Body($"e{i}"), t0.AddSeconds(i), CancellationToken.None);
        }

        Assert.Equal(new XInboxStats(3, t0, 0), await inbox.GetStatsAsync(CancellationToken.None));

        var leased = await inbox.LeaseAsync(10, LongLease, CancellationToken.None);
        Assert.Equal(new XInboxStats(3, t0, 0), await inbox.GetStatsAsync(CancellationToken.None));

        await inbox.DeadLetterAsync(leased[0], "boom", CancellationToken.None);
        await inbox.CompleteAsync(leased[1], CancellationToken.None);

        Assert.Equal(new XInboxStats(1, t0.AddSeconds(2), 1), await inbox.GetStatsAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Dedupe_marks_and_expires()
    {
        var dedupe = (IXWebhookDedupe)Open();
        var key = "xaa:" + Guid.NewGuid().ToString("N");

        Assert.False(await dedupe.WasProcessedAsync(key, CancellationToken.None));
        await dedupe.MarkProcessedAsync(key, TimeSpan.FromHours(1), CancellationToken.None);
        Assert.True(await dedupe.WasProcessedAsync(key, CancellationToken.None));
        await dedupe.MarkProcessedAsync(key, TimeSpan.FromHours(1), CancellationToken.None);
        Assert.True(await dedupe.WasProcessedAsync(key, CancellationToken.None));
        Assert.False(await dedupe.WasProcessedAsync(key + "-other", CancellationToken.None));

        var shortKey = key + "-short";
        await dedupe.MarkProcessedAsync(shortKey, TimeSpan.FromMilliseconds(800), CancellationToken.None);
        Assert.True(await dedupe.WasProcessedAsync(shortKey, CancellationToken.None));

        var stopwatch = Stopwatch.StartNew();
        while (await dedupe.WasProcessedAsync(shortKey, CancellationToken.None))
        {
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), "the mark never expired");
            await Task.Delay(50);
        }

        Assert.True(await dedupe.WasProcessedAsync(key, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Two_hundred_concurrent_appends_are_all_durable()
    {
        var inbox = Open();
        var appends = Enumerable.Range(0, 200)
            .Select(i => Task.Run(async () => await inbox.AppendAsync(Body($"c{i}"), DateTimeOffset.UtcNow, CancellationToken.None)))
            .ToArray();
        await Task.WhenAll(appends);

        var reopened = await ReopenAsync(inbox);

        Assert.Equal(200, (await reopened.GetStatsAsync(CancellationToken.None)).Depth);
        var bodies = new HashSet<string>();
        IReadOnlyList<XInboxEntry> batch;
        while ((batch = await reopened.LeaseAsync(64, LongLease, CancellationToken.None)).Count > 0)
        {
            foreach (var entry in batch)
            {
                Assert.True(bodies.Add(Text(entry.Body)), $"{Text(entry.Body)} leased twice");
            }
        }

        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"c{i}").ToHashSet(), bodies);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }
    }
}
