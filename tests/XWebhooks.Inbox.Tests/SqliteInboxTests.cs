using Microsoft.Data.Sqlite;
using XWebhooks.Sqlite;
using Xunit.Abstractions;

namespace XWebhooks.Inbox.Tests;

/// <summary>The contract on a real SQLite file per test, plus what only the SQLite store promises.</summary>
public sealed class SqliteInboxTests(ITestOutputHelper output) : InboxContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xwh-inbox-").FullName;

    private string DatabasePath => Path.Combine(_directory, "inbox.db");

    protected override IXWebhookInbox CreateStore(string consumerName)
        => new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = DatabasePath });

    [Fact]
    public async Task Appended_entry_survives_closing_without_complete()
    {
        var inbox = Open();
        await inbox.AppendAsync(Body("kept"), Ms(1_760_000_000_000), CancellationToken.None);
        await inbox.AppendAsync(Body("leased"), Ms(1_760_000_000_001), CancellationToken.None);
        var leased = await inbox.LeaseAsync(1, ShortLease, CancellationToken.None);
        Assert.Equal("kept", Text(Assert.Single(leased).Body));

        var reopened = await ReopenAsync(inbox);

        Assert.Equal(2, (await reopened.GetStatsAsync(CancellationToken.None)).Depth);
        var after = await LeaseWithinAsync(reopened, TimeSpan.FromSeconds(5), LongLease);
        Assert.Equal("leased", Text(Assert.Single(after).Body));

        // The lease taken before closing runs out, then that entry comes back as a second attempt.
        var expired = Assert.Single(await LeaseWithinAsync(reopened, TimeSpan.FromSeconds(5), LongLease));
        Assert.Equal("kept", Text(expired.Body));
        Assert.Equal(2, expired.Attempt);
    }

    [Fact]
    public async Task Concurrent_appends_share_commits()
    {
        var inbox = (SqliteWebhookInbox)Open();
        await inbox.AppendAsync(Body("warm-up"), DateTimeOffset.UtcNow, CancellationToken.None);
        var commitsBefore = inbox.CommitCount;

        var appends = Enumerable.Range(0, 500)
            .Select(i => inbox.AppendAsync(Body($"b{i}"), DateTimeOffset.UtcNow, CancellationToken.None).AsTask())
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
        Assert.Equal(2L, await command.ExecuteScalarAsync());
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
        Directory.Delete(_directory, recursive: true);
    }
}
