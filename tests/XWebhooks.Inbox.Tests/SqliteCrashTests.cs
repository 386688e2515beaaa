using System.Diagnostics;
using System.Text;
using XWebhooks.Sqlite;

namespace XWebhooks.Inbox.Tests;

/// <summary>What the SQLite inbox promises across a real process killed with SIGKILL (the child is XWebhooks.Inbox.CrashHost).</summary>
public sealed class SqliteCrashTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("xwh-crash-").FullName;

    private string DatabasePath => Path.Combine(directory, "crash.db");

    [Theory]
    [InlineData(XWebhooksSqliteDurability.Fsync)]
    [InlineData(XWebhooksSqliteDurability.Process)]
    public async Task Acknowledged_appends_survive_sigkill(XWebhooksSqliteDurability durability)
    {
        using var child = StartHost("append", DatabasePath, durability.ToString());
        var acknowledged = (await ReadReportsAsync(child, "ACK ", 2000)).ToHashSet();
        await KillAsync(child);
        Assert.True(acknowledged.Count >= 100, $"only {acknowledged.Count} appends were acknowledged before the kill");

        await using var reopened = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = DatabasePath });
        var stored = new HashSet<string>();
        IReadOnlyList<XInboxEntry> batch;
        while ((batch = await reopened.LeaseAsync(500, TimeSpan.FromMinutes(5), CancellationToken.None)).Count > 0)
        {
            foreach (var entry in batch)
            {
                stored.Add(Encoding.UTF8.GetString(entry.Body.Span));
            }
        }

        var lost = acknowledged.Except(stored).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged appends were lost, e.g. {string.Join(", ", lost.Take(5))}");
    }

    [Fact]
    public async Task Committed_dedupe_marks_survive_sigkill_and_the_rebuilt_filter_finds_every_one()
    {
        using var child = StartHost("mark", DatabasePath);
        var marked = (await ReadReportsAsync(child, "MARKED ", 5000)).Select(n => "k-" + n).ToList();
        await KillAsync(child);
        Assert.True(marked.Count >= 500, $"only {marked.Count} marks were reported committed before the kill");

        // A new process: nothing in memory, so each answer comes from the filter built from the file, then the file.
        await using var reopened = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = DatabasePath });
        await SqliteDedupeFilterTests.FirstBuildAsync(reopened, "never-marked-0");
        Assert.False(await reopened.WasProcessedAsync("never-marked-0", CancellationToken.None));
        var forgotten = new List<string>();
        foreach (var key in marked)
        {
            if (!await reopened.WasProcessedAsync(key, CancellationToken.None))
            {
                forgotten.Add(key);
            }
        }

        Assert.True(forgotten.Count == 0, $"{forgotten.Count} of {marked.Count} committed marks were answered new after SIGKILL, e.g. {string.Join(", ", forgotten.Take(5))}");
        var readsBefore = reopened.Dedupe.FileReads;
        for (var i = 1; i <= 1000; i++)
        {
            Assert.False(await reopened.WasProcessedAsync($"never-marked-{i}", CancellationToken.None));
        }

        Assert.InRange(reopened.Dedupe.FileReads - readsBefore, 0, 20); // the filter answered (almost) all of them
    }

    [Fact]
    public async Task A_delivery_that_kills_the_process_every_time_is_dead_lettered_after_max_attempts()
    {
        const int maxAttempts = 3;
        await using (var inbox = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = DatabasePath }))
        {
            await inbox.AppendAsync(new XInboxAppend(Encoding.UTF8.GetBytes("poison"), DateTimeOffset.UtcNow), CancellationToken.None);
        }

        // Each run leases it and dies in the middle of the attempt, as a handler that crashes the process would.
        var attempts = new List<string>();
        for (var run = 0; run < maxAttempts + 1; run++)
        {
            using var child = StartHost("lease", DatabasePath, maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var line = await child.StandardOutput.ReadLineAsync();
            await KillAsync(child);
            attempts.Add(line ?? "(no output)");
        }

        Assert.Equal(["LEASED 1 poison", "LEASED 2 poison", "LEASED 3 poison", "EMPTY"], attempts);
        await using var reopened = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = DatabasePath });
        var dead = Assert.Single(await reopened.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Equal("poison", Encoding.UTF8.GetString(dead.Body.Span));
        Assert.Equal(maxAttempts, dead.Attempts);
        Assert.Contains("ended without an outcome", dead.Error);
        Assert.Equal(0, (await reopened.GetStatsAsync(CancellationToken.None)).Depth);
    }

    [Fact]
    public async Task A_second_process_is_refused_while_the_owner_lives_and_takes_over_once_it_died()
    {
        using var owner = StartHost("hold", DatabasePath);
        Assert.Equal("OPEN", await owner.StandardOutput.ReadLineAsync());

        var second = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = DatabasePath });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await second.AppendAsync(new XInboxAppend(Encoding.UTF8.GetBytes("x"), DateTimeOffset.UtcNow), CancellationToken.None));
        Assert.Contains("open in another process", refused.Message);
        Assert.Contains(DatabasePath + ".owner", refused.Message);

        await KillAsync(owner);

        // The same store tries again on its next call and now owns the file.
        await second.AppendAsync(new XInboxAppend(Encoding.UTF8.GetBytes("after"), DateTimeOffset.UtcNow), CancellationToken.None);
        Assert.Equal(1, (await second.GetStatsAsync(CancellationToken.None)).Depth);
        await second.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>What the child printed after <paramref name="prefix"/> on each such line, until <paramref name="enough"/> lines, its end, or 60 s.</summary>
    private static async Task<List<string>> ReadReportsAsync(Process child, string prefix, int enough)
    {
        var reports = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        while (reports.Count < enough && stopwatch.Elapsed < TimeSpan.FromSeconds(60))
        {
            var line = await child.StandardOutput.ReadLineAsync();
            if (line is null)
            {
                break;
            }

            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                reports.Add(line[prefix.Length..]);
            }
        }

        return reports;
    }

    private static Process StartHost(params string[] arguments)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "XWebhooks.Inbox.CrashHost.dll");
        Assert.True(File.Exists(host), $"missing {host}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(host);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task KillAsync(Process child)
    {
        if (!child.HasExited)
        {
            child.Kill(); // SIGKILL on Unix: no finalizers, no dispose, no flush.
        }

        await child.WaitForExitAsync();
    }
}
