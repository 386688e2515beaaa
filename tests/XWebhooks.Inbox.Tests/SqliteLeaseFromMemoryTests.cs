using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using XWebhooks.Sqlite;

namespace XWebhooks.Inbox.Tests;

/// <summary>
/// Leases of entries this process appended come from memory without a commit, and posted writes ride along in later
/// commits: what must still hold is that nothing is handed out twice or left behind, and attempts still count.
/// </summary>
public sealed class SqliteLeaseFromMemoryTests : IAsyncLifetime
{
    private static readonly TimeSpan LongLease = TimeSpan.FromSeconds(30);
    private readonly string directory = Directory.CreateTempSubdirectory("xwh-memory-lease-").FullName;
    private readonly ManualClock clock = new(DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000));
    private readonly List<SqliteWebhookInbox> opened = [];

    private string DatabasePath => Path.Combine(directory, "inbox.db");

    [Fact]
    public async Task An_entry_appended_here_is_leased_without_a_commit_and_a_lease_that_ran_out_still_counts_its_attempt()
    {
        var inbox = Open();
        await AppendAsync(inbox, "first");
        Assert.Equal("first", Text(Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None)).Body));

        await AppendAsync(inbox, "from memory");
        var commits = inbox.CommitCount;
        var leased = Assert.Single(await inbox.LeaseAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Equal(("from memory", 1), (Text(leased.Body), leased.Attempt));
        Assert.Equal(commits, inbox.CommitCount);

        // Its lease runs out: the file has no record that the attempt started, the lease memory does.
        clock.Advance(TimeSpan.FromSeconds(2));
        var again = Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        Assert.Equal(("from memory", 2), (Text(again.Body), again.Attempt));
        Assert.NotEqual(leased.LeaseToken, again.LeaseToken);
        await inbox.CompleteAsync(leased, CancellationToken.None);
        Assert.Equal(2, (await inbox.GetStatsAsync(CancellationToken.None)).Depth); // the stale token completed nothing
    }

    [Fact]
    public async Task A_lease_that_finds_nothing_new_in_memory_comes_back_empty_without_a_commit()
    {
        var inbox = Open();
        await AppendAsync(inbox, "first");
        Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None)); // from the file: nothing else is due

        var commits = inbox.CommitCount;
        Assert.Empty(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        Assert.Equal(commits, inbox.CommitCount);

        // The interval passed: the next lease reads the file again.
        clock.Advance(TimeSpan.FromMilliseconds(SqliteInboxQueue.FileLeaseIntervalMs));
        Assert.Empty(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        Assert.Equal(commits + 1, inbox.CommitCount);
    }

    [Fact]
    public async Task Posted_writes_wait_for_their_delay_instead_of_riding_in_the_next_commit_unless_an_awaited_op_needs_them()
    {
        var inbox = Open();
        await AppendAsync(inbox, "starts the engine");
        inbox.Engine.RiderDelay = TimeSpan.FromHours(1);
        await inbox.MarkProcessedAsync("xaa:posted", TimeSpan.FromHours(1), CancellationToken.None);

        await using var file = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await file.OpenAsync();
        var commits = inbox.CommitCount;
        await AppendAsync(inbox, "commits without the mark");
        Assert.Equal(commits + 1, inbox.CommitCount);
        Assert.Equal((2L, 0L), (Count(file, "xwh_inbox"), Count(file, "xwh_dedupe")));

        // A stats read is awaited: the posted mark rides in its commit, before it.
        await inbox.GetStatsAsync(CancellationToken.None);
        Assert.Equal(1, Count(file, "xwh_dedupe"));
    }

    [Fact]
    public async Task An_awaited_op_sees_every_write_posted_before_it_even_more_than_one_batch_holds()
    {
        var inbox = Open();
        await AppendAsync(inbox, "starts the engine");
        inbox.Engine.RiderDelay = TimeSpan.FromHours(1);
        const int Marks = 3_000; // more than the writer's batch of 1,024
        for (var i = 0; i < Marks; i++)
        {
            await inbox.MarkProcessedAsync($"xaa:posted-{i}", TimeSpan.FromHours(1), CancellationToken.None);
        }

        await inbox.GetStatsAsync(CancellationToken.None);

        await using var file = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await file.OpenAsync();
        Assert.Equal(Marks, Count(file, "xwh_dedupe"));
    }

    [Fact]
    public async Task A_retry_that_came_due_is_leased_from_the_file_while_new_appends_keep_coming_from_memory()
    {
        var inbox = Open();
        await AppendAsync(inbox, "fails once");
        var failing = Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        await inbox.RetryLaterAsync(failing, clock.GetUtcNow().AddMilliseconds(50), "boom", CancellationToken.None);

        await AppendAsync(inbox, "b");
        Assert.Equal(["b"], (await inbox.LeaseAsync(10, LongLease, CancellationToken.None)).Select(e => Text(e.Body)));

        clock.Advance(TimeSpan.FromMilliseconds(SqliteInboxQueue.FileLeaseIntervalMs));
        await AppendAsync(inbox, "c");
        var leased = await inbox.LeaseAsync(10, LongLease, CancellationToken.None);
        Assert.Equal([("fails once", 2), ("c", 1)], leased.Select(e => (Text(e.Body), e.Attempt)));
    }

    [Fact]
    public async Task An_append_too_big_for_memory_sends_the_next_lease_to_the_file()
    {
        var inbox = Open(o => o.RecentEntryBytes = 2_000);
        await AppendAsync(inbox, "first");
        Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));

        await AppendAsync(inbox, "fits" + new string('x', 996));
        await AppendAsync(inbox, "too big" + new string('x', 1_493));
        await AppendAsync(inbox, "fits too");
        var leased = await inbox.LeaseAsync(10, LongLease, CancellationToken.None);
        Assert.Equal(["fits", "too big", "fits too"], leased.Select(e => Text(e.Body).TrimEnd('x')));
        Assert.Equal((0L, 0), (inbox.Queue.Recent.Bytes, inbox.Queue.Recent.Count));
    }

    [Fact]
    public void An_entry_a_lease_took_from_the_file_before_its_commit_is_not_handed_out_from_memory_afterwards()
    {
        var recent = new SqliteRecentEntries(10_000);
        var taken = Entry("taken in the append's own transaction");
        var rolledBack = Entry("rolled back");
        var kept = Entry("kept");
        Assert.True(recent.Stage(1, taken));
        Assert.True(recent.Stage(2, rolledBack));
        Assert.True(recent.Stage(3, kept));
        Assert.True(recent.TryTake(1, out var fromFile));
        Assert.Same(taken, fromFile);
        recent.Drop(2, rolledBack);

        recent.Committed(1);
        recent.Committed(2);
        recent.Committed(3);
        var handedOut = new List<(long Id, SqliteRecentEntries.Entry Entry)>();
        recent.TakeCommitted(10, _ => true, handedOut);

        Assert.Equal([3L], handedOut.Select(e => e.Id));
        Assert.Equal((0L, 0), (recent.Bytes, recent.Count));
    }

    [Fact]
    public async Task Under_concurrent_appends_and_two_leasers_every_entry_is_handed_out_exactly_once()
    {
        // Real time here: leases from memory and from the file interleave as the interval passes and leases come back full.
        var inbox = Open(o => o.RecentEntryBytes = 40_000, TimeProvider.System);
        const int count = 3_000;
        var seen = new ConcurrentDictionary<string, int>();
        using var appendsDone = new CancellationTokenSource();
        var appends = Task.WhenAll(Enumerable.Range(0, 16).Select(writer => Task.Run(async () =>
        {
            for (var i = writer; i < count; i += 16)
            {
                // Every 300th too big for memory, so some leases must go to the file.
                var body = i % 300 == 0 ? $"{i:D5}" + new string('x', 50_000) : $"{i:D5}";
                await inbox.AppendAsync(new XInboxAppend(Encoding.UTF8.GetBytes(body), DateTimeOffset.UtcNow), CancellationToken.None);
            }
        })));

        // Two leasers, so a lease from memory and one from the file also race each other.
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(leaser => Task.Run(async () =>
        {
            while (seen.Count < count && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                var leased = await inbox.LeaseAsync(1 + ((seen.Count + leaser) % 40), LongLease, CancellationToken.None);
                foreach (var entry in leased)
                {
                    seen.AddOrUpdate(Text(entry.Body)[..5], 1, (_, n) => n + 1);
                    await inbox.CompleteAsync(entry, CancellationToken.None);
                }

                if (leased.Count == 0)
                {
                    await Task.Delay(1);
                }
            }
        })));

        await appends;
        Assert.Equal(count, seen.Count);
        Assert.DoesNotContain(seen, kv => kv.Value != 1);
        Assert.Equal(0, (await inbox.GetStatsAsync(CancellationToken.None)).Depth);
    }

    [Fact]
    public async Task A_completion_posted_while_nothing_else_is_written_reaches_the_file_on_its_own()
    {
        var inbox = Open(timeProvider: TimeProvider.System);
        await AppendAsync(inbox, "done");
        var leased = Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        await inbox.CompleteAsync(leased, CancellationToken.None);
        await inbox.MarkProcessedAsync("xaa:done", TimeSpan.FromHours(1), CancellationToken.None);

        // Read beside the writer, so nothing asks the writer for a commit: its rider timer must.
        await using var file = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await file.OpenAsync();
        var waited = Stopwatch.StartNew();
        while (Count(file, "xwh_inbox") != 0 || Count(file, "xwh_dedupe") != 1)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the posted completion and mark were never committed");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task Completions_and_marks_posted_just_before_closing_are_in_the_file_after_reopening()
    {
        var inbox = Open(timeProvider: TimeProvider.System);
        await AppendAsync(inbox, "done");
        await AppendAsync(inbox, "pending");
        var done = (await inbox.LeaseAsync(10, LongLease, CancellationToken.None)).Single(e => Text(e.Body) == "done");
        await inbox.MarkProcessedAsync("xaa:done", TimeSpan.FromHours(1), CancellationToken.None);
        await inbox.CompleteAsync(done, CancellationToken.None);
        await inbox.DisposeAsync(); // at once: well inside the rider delay, so only the close can commit them

        var reopened = Open(timeProvider: TimeProvider.System);
        var left = Assert.Single(await reopened.LeaseAsync(10, LongLease, CancellationToken.None));
        Assert.Equal("pending", Text(left.Body));
        Assert.True(await reopened.WasProcessedAsync("xaa:done", CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var inbox in opened)
        {
            await inbox.DisposeAsync();
        }

        Directory.Delete(directory, recursive: true);
    }

    private SqliteWebhookInbox Open(Action<XWebhooksSqliteOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new XWebhooksSqliteOptions { Path = DatabasePath };
        configure?.Invoke(options);
        var inbox = new SqliteWebhookInbox(options, timeProvider ?? clock);
        opened.Add(inbox);
        return inbox;
    }

    private Task AppendAsync(SqliteWebhookInbox inbox, string body)
        => inbox.AppendAsync(new XInboxAppend(Encoding.UTF8.GetBytes(body), clock.GetUtcNow()), CancellationToken.None).AsTask();

    private static SqliteRecentEntries.Entry Entry(string body) => new(Encoding.UTF8.GetBytes(body), 0, null, []);

    private static string Text(ReadOnlyMemory<byte> body) => Encoding.UTF8.GetString(body.Span);

    private static long Count(SqliteConnection file, string table)
    {
        using var command = file.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return (long)command.ExecuteScalar()!;
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private long nowMs = start.ToUnixTimeMilliseconds();

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(Interlocked.Read(ref nowMs));

        public void Advance(TimeSpan by) => Interlocked.Add(ref nowMs, (long)by.TotalMilliseconds);
    }
}
