using Microsoft.Data.Sqlite;
using XWebhooks.Sqlite;
using Xunit.Abstractions;

namespace XWebhooks.Inbox.Tests;

/// <summary>The contract on a real SQLite file per test, plus what only the SQLite store promises.</summary>
public sealed class SqliteInboxTests(ITestOutputHelper output) : InboxContractTests
{
    private readonly string directory = Directory.CreateTempSubdirectory("xwh-inbox-").FullName;

    private string DatabasePath => Path.Combine(directory, "inbox.db");

    protected override IXWebhookInbox CreateStore(string consumerName)
        => new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = DatabasePath });

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
        Assert.Equal(4L, await command.ExecuteScalarAsync());
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

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
