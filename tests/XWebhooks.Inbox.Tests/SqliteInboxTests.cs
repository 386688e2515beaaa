using System.Diagnostics;
using Microsoft.Data.Sqlite;
using XWebhooks.Sqlite;
using Xunit.Abstractions;

namespace XWebhooks.Inbox.Tests;

/// <summary>The contract on a real SQLite file per test, plus what only the SQLite store promises.</summary>
public sealed class SqliteInboxTests(ITestOutputHelper output) : InboxContractTests
{
    private readonly string directory = Directory.CreateTempSubdirectory("xwh-inbox-").FullName;

    private readonly List<SqliteWebhookInbox> openedWithOptions = [];

    private string DatabasePath => Path.Combine(directory, "inbox.db");

    protected override IXWebhookInbox CreateStore(string consumerName)
        => new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = DatabasePath });

    private SqliteWebhookInbox OpenWith(Action<XWebhooksSqliteOptions> configure)
    {
        var options = new XWebhooksSqliteOptions { Path = DatabasePath };
        configure(options);
        var inbox = new SqliteWebhookInbox(options);
        openedWithOptions.Add(inbox);
        return inbox;
    }

    private async Task<SqliteConnection> OpenFileAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public async Task Appended_entry_survives_closing_without_complete_and_a_dead_processs_lease_is_released_on_open()
    {
        var inbox = Open();
        await inbox.AppendAsync(Body("kept"), Ms(1_760_000_000_000), CancellationToken.None);
        await inbox.AppendAsync(Body("leased"), Ms(1_760_000_000_001), CancellationToken.None);
        var leased = await inbox.LeaseAsync(1, LongLease, CancellationToken.None);
        Assert.Equal("kept", Text(Assert.Single(leased).Body));

        var reopened = await ReopenAsync(inbox);

        // The long lease taken before closing does not hold the entry back: it comes back at once, as a second attempt.
        Assert.Equal(2, (await reopened.GetStatsAsync(CancellationToken.None)).Depth);
        var after = await reopened.LeaseAsync(10, LongLease, CancellationToken.None);
        Assert.Equal([("kept", 2), ("leased", 1)], after.Select(e => (Text(e.Body), e.Attempt)));
    }

    [Fact]
    public async Task Concurrent_appends_share_commits()
    {
        var inbox = (SqliteWebhookInbox)Open();
        await inbox.AppendAsync(new XInboxAppend(Body("warm-up"), DateTimeOffset.UtcNow), CancellationToken.None);
        var commitsBefore = inbox.CommitCount;

        var appends = Enumerable.Range(0, 500)
            .Select(i => inbox.AppendAsync(new XInboxAppend(Body($"b{i}"), DateTimeOffset.UtcNow), CancellationToken.None).AsTask())
            .ToArray();
        await Task.WhenAll(appends);

        var commits = inbox.CommitCount - commitsBefore;
        output.WriteLine($"500 concurrent appends: {commits} commits");
        Assert.InRange(commits, 1, 50);
        Assert.Equal(501, (await inbox.GetStatsAsync(CancellationToken.None)).Depth);
    }

    [Fact]
    public async Task File_is_in_wal_mode_with_a_schema_version()
    {
        var inbox = Open();
        await inbox.AppendAsync(Body("x"), DateTimeOffset.UtcNow, CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        command.CommandText = "SELECT MAX(version) FROM xwh_schema;";
        Assert.Equal(5L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Completed_and_dead_lettered_entries_leave_no_body_behind()
    {
        var inbox = Open();
        foreach (var text in new[] { "a", "b", "c" })
        {
            await inbox.AppendAsync(Body(text), DateTimeOffset.UtcNow, CancellationToken.None);
        }

        var leased = await inbox.LeaseAsync(10, LongLease, CancellationToken.None);
        Assert.Equal(["a", "b", "c"], leased.Select(e => Text(e.Body)));
        await inbox.CompleteAsync(leased[0], CancellationToken.None);
        await inbox.CompleteAsync(leased[1], CancellationToken.None);
        await inbox.DeadLetterAsync(leased[2], "boom", CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM xwh_inbox), (SELECT COUNT(*) FROM xwh_inbox_body), (SELECT COUNT(*) FROM xwh_dead_letters);";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((0L, 0L, 1L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
    }

    [Fact]
    public async Task Version_1_file_is_migrated_with_its_entries_and_dead_letters()
    {
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE xwh_schema (version INTEGER NOT NULL);
                INSERT INTO xwh_schema (version) VALUES (1);
                CREATE TABLE xwh_inbox (id INTEGER PRIMARY KEY AUTOINCREMENT, body BLOB NOT NULL, received_at INTEGER NOT NULL,
                    attempt INTEGER NOT NULL DEFAULT 1, due_at INTEGER NOT NULL, lease_token TEXT NULL, lease_until INTEGER NULL, last_error TEXT NULL);
                CREATE TABLE xwh_dead_letters (id INTEGER PRIMARY KEY AUTOINCREMENT, inbox_id INTEGER NOT NULL, body BLOB NOT NULL,
                    received_at INTEGER NOT NULL, attempts INTEGER NOT NULL, error TEXT NOT NULL, dead_lettered_at INTEGER NOT NULL);
                CREATE TABLE xwh_dedupe (key TEXT NOT NULL PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
                CREATE INDEX xwh_dedupe_expires_at ON xwh_dedupe (expires_at);
                INSERT INTO xwh_inbox (body, received_at, attempt, due_at) VALUES (CAST('pending' AS BLOB), 1760000000000, 1, 0);
                INSERT INTO xwh_dead_letters (inbox_id, body, received_at, attempts, error, dead_lettered_at)
                    VALUES (7, CAST('dead' AS BLOB), 1760000000000, 5, 'boom', 1760000000001);
                """;
            await command.ExecuteNonQueryAsync();
        }

        var inbox = Open();

        var pending = Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        Assert.Equal("pending", Text(pending.Body));
        var letter = Assert.Single(await inbox.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.True(await inbox.RedriveAsync(letter.Id, CancellationToken.None));
        var redriven = Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        Assert.Equal("dead", Text(redriven.Body));
    }

    [Fact]
    public async Task Newer_schema_is_refused()
    {
        var inbox = Open();
        await inbox.AppendAsync(Body("x"), DateTimeOffset.UtcNow, CancellationToken.None);
        await ((IAsyncDisposable)inbox).DisposeAsync();

        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO xwh_schema (version) VALUES (99);";
            await command.ExecuteNonQueryAsync();
        }

        var newer = Open();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await newer.GetStatsAsync(CancellationToken.None));
        Assert.Contains("schema version 99", error.Message);
    }

    [Fact]
    public async Task Expired_dedupe_keys_are_cleaned_up()
    {
        var inbox = (SqliteWebhookInbox)Open();
        await inbox.MarkProcessedAsync("gone", TimeSpan.FromMilliseconds(1), CancellationToken.None);
        await inbox.MarkProcessedAsync("kept", TimeSpan.FromHours(1), CancellationToken.None);
        await Task.Delay(20);

        Assert.Equal(1, await inbox.DeleteExpiredKeysAsync(CancellationToken.None));
        Assert.True(await inbox.WasProcessedAsync("kept", CancellationToken.None));
    }

    [Fact]
    public async Task Cancelled_append_is_not_written()
    {
        var inbox = Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await inbox.AppendAsync(Body("x"), DateTimeOffset.UtcNow, cancelled.Token));
        Assert.Equal(0, (await inbox.GetStatsAsync(CancellationToken.None)).Depth);
    }

    [Fact]
    public async Task Event_index_and_trace_parent_come_back_from_memory_and_from_the_file_after_reopening()
    {
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        byte[] index = [1, 2, 3, 0, 255];
        var inbox = Open();
        await inbox.AppendAsync(new XInboxAppend(Body("indexed"), Ms(1_760_000_000_000)) { TraceParent = traceParent, EventIndex = index }, CancellationToken.None);
        await inbox.AppendAsync(new XInboxAppend(Body("indexed-too"), Ms(1_760_000_000_001)) { EventIndex = index }, CancellationToken.None);
        await inbox.AppendAsync(Body("plain"), Ms(1_760_000_000_002), CancellationToken.None);

        var fromMemory = Assert.Single(await inbox.LeaseAsync(1, LongLease, CancellationToken.None));
        Assert.Equal(("indexed", traceParent), (Text(fromMemory.Body), fromMemory.TraceParent));
        Assert.Equal(index, fromMemory.EventIndex.ToArray());

        var reopened = await ReopenAsync(inbox);
        var fromFile = await reopened.LeaseAsync(10, LongLease, CancellationToken.None);
        Assert.Equal(["indexed", "indexed-too", "plain"], fromFile.Select(e => Text(e.Body)));
        Assert.Equal([traceParent, null, null], fromFile.Select(e => e.TraceParent));
        Assert.Equal(index, fromFile[0].EventIndex.ToArray());
        Assert.Equal(index, fromFile[1].EventIndex.ToArray());
        Assert.True(fromFile[2].EventIndex.IsEmpty);
    }

    [Fact]
    public async Task An_entry_whose_completion_was_lost_runs_again_and_its_dedupe_mark_still_holds()
    {
        var inbox = (SqliteWebhookInbox)Open();
        await inbox.AppendAsync(new XInboxAppend(Body("handled"), Ms(1_760_000_000_000)), CancellationToken.None);
        var entry = Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));

        // The worker marks the event, then completes the entry; the completion never reaches the file (as when the
        // process dies before its commit), while the mark queued before it did.
        await inbox.MarkProcessedAsync("xaa:handled", TimeSpan.FromHours(1), CancellationToken.None);
        inbox.Queue.LoseCompletions = true;
        await inbox.CompleteAsync(entry, CancellationToken.None);

        var reopened = (SqliteWebhookInbox)await ReopenAsync(inbox);

        var again = Assert.Single(await reopened.LeaseAsync(10, LongLease, CancellationToken.None));
        Assert.Equal(("handled", 2), (Text(again.Body), again.Attempt));
        Assert.Equal(0, reopened.Dedupe.RecentCount);
        Assert.True(await reopened.WasProcessedAsync("xaa:handled", CancellationToken.None));
        Assert.False(await reopened.WasProcessedAsync("xaa:never", CancellationToken.None));
    }

    [Fact]
    public async Task Completions_and_marks_do_not_wait_for_an_fsync_and_appends_share_one()
    {
        var inbox = (SqliteWebhookInbox)Open();
        await inbox.AppendAsync(new XInboxAppend(Body("warm-up"), DateTimeOffset.UtcNow), CancellationToken.None);
        var fsyncedBefore = inbox.Engine.WalSyncCount;

        var leased = Assert.Single(await inbox.LeaseAsync(10, LongLease, CancellationToken.None));
        await inbox.MarkProcessedAsync("k", TimeSpan.FromHours(1), CancellationToken.None);
        await inbox.CompleteAsync(leased, CancellationToken.None);
        Assert.Equal(0, (await inbox.GetStatsAsync(CancellationToken.None)).Depth);
        Assert.Equal(fsyncedBefore, inbox.Engine.WalSyncCount);

        await inbox.AppendAsync(new XInboxAppend(Body("next"), DateTimeOffset.UtcNow), CancellationToken.None);
        Assert.Equal(fsyncedBefore + 1, inbox.Engine.WalSyncCount);
    }

    [Fact]
    public async Task Process_durability_fsyncs_no_append_and_the_watermark_waits_for_the_disk()
    {
        var inbox = OpenWith(o =>
        {
            o.Durability = XWebhooksSqliteDurability.Process;
            o.CheckpointInterval = Timeout.InfiniteTimeSpan;
        });
        var watermark = new SqliteDeliveryWatermark(inbox);
        var received = Ms(1_760_000_000_000);
        await inbox.AppendAsync(new XInboxAppend(Body("acknowledged, not on disk yet"), received), CancellationToken.None);
        Assert.Equal(0, inbox.Engine.WalSyncCount);

        // The runtime acknowledged it a little later; the watermark must not pass an append that power loss could take.
        await watermark.RecordReceivedAsync(received.AddSeconds(1), CancellationToken.None);
        Assert.Equal(received.AddMilliseconds(-1), await watermark.GetLastReceivedAsync(CancellationToken.None));

        Assert.True(await inbox.Engine.CheckpointNowAsync());
        await watermark.RecordReceivedAsync(received.AddSeconds(1), CancellationToken.None);
        Assert.Equal(received.AddSeconds(1), await watermark.GetLastReceivedAsync(CancellationToken.None));
        Assert.Equal(0, inbox.Engine.WalSyncCount);
    }

    [Fact]
    public async Task Fsync_durability_does_not_hold_the_watermark_back()
    {
        var inbox = (SqliteWebhookInbox)Open();
        var watermark = new SqliteDeliveryWatermark(inbox);
        var received = Ms(1_760_000_000_000);
        await inbox.AppendAsync(new XInboxAppend(Body("on disk"), received), CancellationToken.None);

        await watermark.RecordReceivedAsync(received.AddSeconds(1), CancellationToken.None);
        Assert.Equal(received.AddSeconds(1), await watermark.GetLastReceivedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Recent_bodies_in_memory_stay_within_their_byte_bound_and_the_rest_is_read_from_the_file()
    {
        var inbox = OpenWith(o => o.RecentEntryBytes = 10_000);
        for (var i = 0; i < 50; i++)
        {
            await inbox.AppendAsync(new XInboxAppend(Body($"{i:D3}" + new string('x', 997)), DateTimeOffset.UtcNow) { EventIndex = new byte[100] }, CancellationToken.None);
        }

        Assert.InRange(inbox.Queue.Recent.Bytes, 1, 10_000);
        Assert.Equal(9, inbox.Queue.Recent.Count); // 1,100 bytes each

        var leased = await inbox.LeaseAsync(100, LongLease, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"{i:D3}"), leased.Select(e => Text(e.Body)[..3]));
        Assert.All(leased, e => Assert.Equal(1000, e.Body.Length));
        Assert.All(leased, e => Assert.Equal(100, e.EventIndex.Length));
        Assert.Equal((0L, 0), (inbox.Queue.Recent.Bytes, inbox.Queue.Recent.Count));
    }

    [Fact]
    public async Task An_entry_whose_leases_keep_running_out_is_dead_lettered_after_max_attempts()
    {
        var inbox = (SqliteWebhookInbox)Open();
        inbox.Queue.MaxAttempts = 2;
        await inbox.AppendAsync(new XInboxAppend(Body("hangs"), DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal(1, Assert.Single(await inbox.LeaseAsync(10, ShortLease, CancellationToken.None)).Attempt);
        Assert.Equal(2, Assert.Single(await LeaseWithinAsync(inbox, TimeSpan.FromSeconds(5), ShortLease)).Attempt);
        await Task.Delay(ShortLease + TimeSpan.FromMilliseconds(50));

        Assert.Empty(await inbox.LeaseAsync(10, ShortLease, CancellationToken.None));
        var dead = Assert.Single(await inbox.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Equal(("hangs", 2), (Text(dead.Body), dead.Attempts));
    }

    [Fact]
    public async Task Stores_opened_on_one_file_in_one_process_share_the_writer_and_the_leases()
    {
        var first = (SqliteWebhookInbox)Open();
        var second = (SqliteWebhookInbox)Open("consumer-b");
        Assert.Same(first.Engine, second.Engine);

        await first.AppendAsync(new XInboxAppend(Body("x"), DateTimeOffset.UtcNow), CancellationToken.None);
        var leased = Assert.Single(await second.LeaseAsync(10, LongLease, CancellationToken.None));
        await ((IAsyncDisposable)second).DisposeAsync();

        // The file stays open for the first store, with the lease it shares.
        Assert.Empty(await first.LeaseAsync(10, LongLease, CancellationToken.None));
        await first.CompleteAsync(leased, CancellationToken.None);
        Assert.Equal(0, (await first.GetStatsAsync(CancellationToken.None)).Depth);
    }

    [Fact]
    public async Task Version_4_file_keeps_its_entries_and_an_entry_leased_then_counts_one_more_attempt()
    {
        await using (var connection = await OpenFileAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE xwh_schema (version INTEGER NOT NULL);
                INSERT INTO xwh_schema (version) VALUES (1), (2), (3), (4);
                CREATE TABLE xwh_inbox (id INTEGER PRIMARY KEY AUTOINCREMENT, received_at INTEGER NOT NULL, attempt INTEGER NOT NULL DEFAULT 1,
                    due_at INTEGER NOT NULL, lease_token TEXT NULL, lease_until INTEGER NULL, last_error TEXT NULL, trace_parent TEXT NULL);
                CREATE TABLE xwh_inbox_body (id INTEGER PRIMARY KEY, body BLOB NOT NULL);
                CREATE TABLE xwh_dead_letters (id INTEGER PRIMARY KEY AUTOINCREMENT, inbox_id INTEGER NOT NULL, body BLOB NOT NULL,
                    received_at INTEGER NOT NULL, attempts INTEGER NOT NULL, error TEXT NOT NULL, dead_lettered_at INTEGER NOT NULL);
                CREATE TABLE xwh_dedupe (key TEXT NOT NULL PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
                CREATE INDEX xwh_dedupe_expires_at ON xwh_dedupe (expires_at);
                CREATE TABLE xwh_watermark (name TEXT NOT NULL PRIMARY KEY, received_at INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO xwh_inbox (received_at, attempt, due_at, lease_token, lease_until, trace_parent)
                    VALUES (1760000000000, 1, 0, 'abc', 9999999999999, '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'),
                           (1760000000001, 3, 0, NULL, NULL, NULL);
                INSERT INTO xwh_inbox_body (id, body) VALUES (1, CAST('was-leased' AS BLOB)), (2, CAST('retried' AS BLOB));
                INSERT INTO xwh_dedupe (key, expires_at) VALUES ('xaa:kept', 9999999999999);
                """;
            await command.ExecuteNonQueryAsync();
        }

        var inbox = Open();

        var leased = await inbox.LeaseAsync(10, LongLease, CancellationToken.None);
        Assert.Equal([("was-leased", 2), ("retried", 3)], leased.Select(e => (Text(e.Body), e.Attempt)));
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", leased[0].TraceParent);
        Assert.True(leased[0].EventIndex.IsEmpty);
        Assert.True(await ((XWebhooks.Delivery.IXWebhookDedupe)inbox).WasProcessedAsync("xaa:kept", CancellationToken.None));
    }

    [Fact]
    public async Task Dedupe_checks_cost_one_lookup_measured_for_hits_in_memory_hits_in_the_file_and_misses()
    {
        const int keys = 2000;
        const int checks = 20_000;
        var inbox = (SqliteWebhookInbox)Open();
        for (var i = 0; i < keys; i++)
        {
            await inbox.MarkProcessedAsync($"xaa:{i}", TimeSpan.FromHours(1), CancellationToken.None);
        }

        var memoryHit = await MeasureAsync(inbox, i => $"xaa:{i % keys}", expected: true);
        var reopened = (SqliteWebhookInbox)await ReopenAsync(inbox);
        Assert.Equal(0, reopened.Dedupe.RecentCount);
        var fileHit = await MeasureAsync(reopened, i => $"xaa:{i % keys}", expected: true);
        var miss = await MeasureAsync(reopened, i => $"xaa:new-{i}", expected: false);

        // For comparison, the way this store checked before: a pooled connection opened and a command prepared per call.
        var connectionString = $"Data Source={DatabasePath};Pooling=True";
        var perCall = Stopwatch.StartNew();
        for (var i = 0; i < checks; i++)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM xwh_dedupe WHERE key = $key AND expires_at > $now);";
            command.Parameters.AddWithValue("$key", $"xaa:new-{i}");
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            Assert.Equal(0L, await command.ExecuteScalarAsync());
        }

        var openPerCall = perCall.Elapsed.TotalMicroseconds / checks;
        output.WriteLine($"WasProcessedAsync per call (loaded machine, indicative): hit in memory {memoryHit:F2} µs, hit in the file {fileHit:F2} µs, miss {miss:F2} µs; a miss with a connection opened per call {openPerCall:F2} µs");

        async Task<double> MeasureAsync(SqliteWebhookInbox store, Func<int, string> key, bool expected)
        {
            await store.WasProcessedAsync(key(0), CancellationToken.None); // opens a reader, prepares the statement
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < checks; i++)
            {
                if (await store.WasProcessedAsync(key(i), CancellationToken.None) != expected)
                {
                    Assert.Fail($"{key(i)}: expected {expected}");
                }
            }

            return stopwatch.Elapsed.TotalMicroseconds / checks;
        }
    }

    [Fact]
    public async Task Dedupe_keys_in_memory_stay_bounded()
    {
        var inbox = (SqliteWebhookInbox)Open();
        for (var i = 0; i < SqliteDedupeStore.RecentCapacity + 500; i++)
        {
            await inbox.MarkProcessedAsync($"xaa:{i}", TimeSpan.FromHours(1), CancellationToken.None);
        }

        await inbox.GetStatsAsync(CancellationToken.None); // after the commits of every mark
        Assert.InRange(inbox.Dedupe.RecentCount, 1, SqliteDedupeStore.RecentCapacity);
        Assert.True(await inbox.WasProcessedAsync("xaa:0", CancellationToken.None));
    }

    [Fact]
    public async Task A_key_checked_new_then_marked_is_processed_also_after_its_mark_left_memory()
    {
        var inbox = (SqliteWebhookInbox)Open();
        Assert.False(await inbox.WasProcessedAsync("xaa:late", CancellationToken.None));
        Assert.True(inbox.Dedupe.Absent.Contains("xaa:late")); // the next check of a new key needs no read
        Assert.False(await inbox.WasProcessedAsync("xaa:late", CancellationToken.None));

        await inbox.MarkProcessedAsync("xaa:late", TimeSpan.FromHours(1), CancellationToken.None);
        Assert.False(inbox.Dedupe.Absent.Contains("xaa:late"));
        Assert.True(await inbox.WasProcessedAsync("xaa:late", CancellationToken.None));

        // Enough later marks that the first leaves memory: the file answers for it.
        for (var i = 0; i < SqliteDedupeStore.RecentCapacity + 10; i++)
        {
            await inbox.MarkProcessedAsync($"xaa:{i}", TimeSpan.FromHours(1), CancellationToken.None);
        }

        await inbox.GetStatsAsync(CancellationToken.None); // after the commits of every mark
        Assert.Equal(SqliteDedupeStore.RecentCapacity, inbox.Dedupe.RecentCount);
        Assert.True(await inbox.WasProcessedAsync("xaa:late", CancellationToken.None));
        Assert.False(inbox.Dedupe.Absent.Contains("xaa:late"));
    }

    public override async Task DisposeAsync()
    {
        foreach (var inbox in openedWithOptions)
        {
            await inbox.DisposeAsync();
        }

        await base.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
