using System.Globalization;
using StackExchange.Redis;
using XWebhooks.Delivery;
using XWebhooks.Redis;

namespace XWebhooks.Inbox.Tests;

/// <summary>
/// What each operation costs: the commands the store's connection sent (StackExchange.Redis's operation counter;
/// each is a round trip unless it does not wait for its reply) and the commands Redis ran, read from the server's
/// <c>INFO commandstats</c> before and after (a redis-server of this class only). The commands beside an
/// <c>evalsha</c> run inside that script.
/// </summary>
public sealed class RedisRoundTripTests(RedisServerFixture server) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly TimeSpan ShortLease = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongLease = TimeSpan.FromSeconds(30);
    private ConnectionMultiplexer? admin;
    private ConnectionMultiplexer? connection;
    private RedisWebhookInbox? inbox;

    private RedisWebhookInbox Inbox => inbox!;

    private IXWebhookDedupe Dedupe => inbox!;

    public async Task InitializeAsync()
    {
        server.EnsureAvailable();
        admin = await ConnectionMultiplexer.ConnectAsync(server.Configuration + ",allowAdmin=true");

        // No keep-alive or configuration check of the client's own while a test counts.
        connection = await ConnectionMultiplexer.ConnectAsync(server.Configuration + ",keepAlive=600,configCheckSeconds=600");
        inbox = new RedisWebhookInbox(connection, new XWebhooksRedisOptions { KeyPrefix = $"rt{Guid.NewGuid():N}:", ConsumerName = "counted" });

        // Connect, let StackExchange.Redis load each script once, and run the first lease's consumer sweep.
        await Inbox.AppendAsync(new XInboxAppend(Body(), DateTimeOffset.UtcNow), CancellationToken.None);
        var warm = Assert.Single(await Inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        await Dedupe.MarkProcessedAsync("warm", TimeSpan.FromMinutes(1), CancellationToken.None);
        await Inbox.CompleteAsync(warm, CancellationToken.None);
        await Dedupe.WasProcessedAsync("warm", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (inbox is not null)
        {
            await inbox.DisposeAsync();
        }

        foreach (var opened in new[] { connection, admin })
        {
            if (opened is not null)
            {
                await opened.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task Append_is_one_xadd()
    {
        var (sent, ran) = await MeasureAsync(async () =>
            await Inbox.AppendAsync(new XInboxAppend(Body(), DateTimeOffset.UtcNow) { TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", EventIndex = new byte[] { 1, 2 } }, CancellationToken.None));

        Assert.Equal(1, sent);
        Assert.Equal(Expect(("xadd", 1)), ran);
    }

    [SkippableFact]
    public async Task Lease_is_one_script_call_whether_it_finds_new_entries_stuck_ones_or_nothing()
    {
        for (var i = 0; i < 3; i++)
        {
            await Inbox.AppendAsync(new XInboxAppend(Body(), DateTimeOffset.UtcNow), CancellationToken.None);
        }

        IReadOnlyList<XInboxEntry> leased = [];
        var fresh = await MeasureAsync(async () => leased = await Inbox.LeaseAsync(10, ShortLease, CancellationToken.None));
        Assert.Equal(3, leased.Count);
        Assert.Equal(1, fresh.Sent);
        Assert.Equal(Expect(("evalsha", 1), ("zrangebyscore", 1), ("xautoclaim", 1), ("xreadgroup", 1)), fresh.Ran);

        await Task.Delay(ShortLease * 2);
        var stuck = await MeasureAsync(async () => leased = await Inbox.LeaseAsync(10, ShortLease, CancellationToken.None));
        Assert.Equal([2, 2, 2], leased.Select(e => e.Attempt));
        Assert.Equal(1, stuck.Sent);
        Assert.Equal(Expect(("evalsha", 1), ("zrangebyscore", 1), ("xautoclaim", 1), ("xpending", 3), ("xreadgroup", 1)), stuck.Ran);

        foreach (var entry in leased)
        {
            await Inbox.CompleteAsync(entry, CancellationToken.None);
        }

        var empty = await MeasureAsync(async () => leased = await Inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        Assert.Empty(leased);
        Assert.Equal(1, empty.Sent);
        Assert.Equal(Expect(("evalsha", 1), ("zrangebyscore", 1), ("xautoclaim", 1), ("xreadgroup", 1)), empty.Ran);
    }

    [SkippableFact]
    public async Task Mark_does_not_wait_and_travels_with_the_completion_in_one_round_trip()
    {
        await Inbox.AppendAsync(new XInboxAppend(Body(), DateTimeOffset.UtcNow), CancellationToken.None);
        var entry = Assert.Single(await Inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        var markReturnedAtOnce = false;

        var (sent, ran) = await MeasureAsync(async () =>
        {
            var mark = Dedupe.MarkProcessedAsync("xaa:1", TimeSpan.FromHours(1), CancellationToken.None);
            markReturnedAtOnce = mark.IsCompletedSuccessfully;
            await mark;
            await Inbox.CompleteAsync(entry, CancellationToken.None);
        });

        Assert.True(markReturnedAtOnce, "the mark waited for Redis");
        Assert.Equal(2, sent);
        Assert.Equal(Expect(("set", 1), ("evalsha", 1), ("xpending", 1), ("xack", 1), ("xdel", 1)), ran);
        Assert.True(await Dedupe.WasProcessedAsync("xaa:1", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Dedupe_check_is_one_exists()
    {
        var hit = false;
        var miss = true;

        var (sent, ran) = await MeasureAsync(async () =>
        {
            hit = await Dedupe.WasProcessedAsync("warm", CancellationToken.None);
            miss = await Dedupe.WasProcessedAsync("xaa:never", CancellationToken.None);
        });

        Assert.True(hit);
        Assert.False(miss);
        Assert.Equal(2, sent);
        Assert.Equal(Expect(("exists", 2)), ran);
    }

    private static ReadOnlyMemory<byte> Body() => "{\"data\":{\"id\":\"1\"}}"u8.ToArray();

    private static Dictionary<string, long> Expect(params (string Command, long Calls)[] commands)
        => commands.ToDictionary(c => c.Command, c => c.Calls);

    /// <summary>
    /// The commands the store's connection sent during <paramref name="operation"/>, and how many times each command
    /// ran on the server (the counting INFO excluded).
    /// </summary>
    private async Task<(long Sent, Dictionary<string, long> Ran)> MeasureAsync(Func<Task> operation)
    {
        var before = await CommandCallsAsync();
        var sentBefore = connection!.GetCounters().Interactive.OperationCount;
        await operation();
        var sent = connection.GetCounters().Interactive.OperationCount - sentBefore;
        var after = await CommandCallsAsync();
        var ran = after
            .Where(c => c.Key != "info" && c.Value != before.GetValueOrDefault(c.Key))
            .ToDictionary(c => c.Key, c => c.Value - before.GetValueOrDefault(c.Key));
        return (sent, ran);
    }

    private async Task<Dictionary<string, long>> CommandCallsAsync()
    {
        var calls = new Dictionary<string, long>();
        var info = await admin!.GetServer(admin.GetEndPoints()[0]).InfoAsync("commandstats");
        foreach (var line in info.SelectMany(group => group))
        {
            // cmdstat_xadd: calls=3,usec=...
            var count = line.Value.Split(',')[0];
            calls[line.Key["cmdstat_".Length..]] = long.Parse(count["calls=".Length..], CultureInfo.InvariantCulture);
        }

        return calls;
    }
}
