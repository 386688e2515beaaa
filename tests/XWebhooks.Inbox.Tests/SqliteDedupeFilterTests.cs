using XWebhooks.Sqlite;
using XWebhooks.TestSupport;

namespace XWebhooks.Inbox.Tests;

/// <summary>
/// The Bloom filter in front of the dedupe table: a new key is answered without reading the file, no key in the file
/// is ever answered "new", and builds that run while marks arrive lose none of them.
/// </summary>
public sealed class SqliteDedupeFilterTests : IAsyncLifetime
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);
    private readonly string directory = Directory.CreateTempSubdirectory("xwh-dedupe-filter-").FullName;
    private readonly List<SqliteWebhookInbox> opened = [];

    private string DatabasePath => Path.Combine(directory, "inbox.db");

    [Fact]
    public async Task Once_built_a_new_key_is_answered_without_reading_the_file_and_marked_keys_still_are_processed()
    {
        var inbox = Open();
        for (var i = 0; i < 100; i++)
        {
            await inbox.MarkProcessedAsync($"xaa:marked-{i}", Retention, CancellationToken.None);
        }

        await FirstBuildAsync(inbox, "xaa:first-check");
        var readsBefore = inbox.Dedupe.FileReads;
        for (var i = 0; i < 1000; i++)
        {
            Assert.False(await inbox.WasProcessedAsync($"xaa:new-{i}", CancellationToken.None));
        }

        // 1,000 new keys against 100 in a filter sized for 65,536: a read is a false positive (expected: none).
        Assert.InRange(inbox.Dedupe.FileReads - readsBefore, 0, 5);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(await inbox.WasProcessedAsync($"xaa:marked-{i}", CancellationToken.None));
        }
    }

    [Fact]
    public async Task After_a_restart_the_keys_in_the_file_are_in_the_filter_and_found()
    {
        const int Marked = 20_000;
        var first = Open();
        for (var i = 0; i < Marked; i++)
        {
            await first.MarkProcessedAsync($"xaa:{i}", Retention, CancellationToken.None);
        }

        await first.DisposeAsync();

        var reopened = Open();
        await FirstBuildAsync(reopened, "xaa:first-check");
        Assert.Equal(0, reopened.Dedupe.RecentCount); // nothing answered from memory: the filter and the file do
        for (var i = 0; i < Marked; i++)
        {
            if (!await reopened.WasProcessedAsync($"xaa:{i}", CancellationToken.None))
            {
                Assert.Fail($"xaa:{i} was marked before the restart but is answered new");
            }
        }

        var readsBefore = reopened.Dedupe.FileReads;
        for (var i = 0; i < 1000; i++)
        {
            Assert.False(await reopened.WasProcessedAsync($"xaa:new-{i}", CancellationToken.None));
        }

        Assert.InRange(reopened.Dedupe.FileReads - readsBefore, 0, 10);
    }

    [Fact]
    public async Task At_the_size_it_was_built_for_the_filter_still_answers_most_new_keys_without_a_read()
    {
        const int Capacity = 10_000;
        var inbox = Open();
        inbox.Dedupe.Filter.MinimumCapacity = Capacity;
        await FirstBuildAsync(inbox, "xaa:first-check");
        for (var i = 0; i < Capacity; i++)
        {
            await inbox.MarkProcessedAsync($"xaa:marked-{i}", Retention, CancellationToken.None);
        }

        Assert.Equal(1, inbox.Dedupe.Filter.BuildsCompleted); // full, not past its size: no rebuild yet
        var maybe = 0;
        for (var i = 0; i < 100_000; i++)
        {
            maybe += inbox.Dedupe.Filter.MayContain($"xaa:new-{i}") ? 1 : 0;
        }

        // Designed for about 1 % false positives at capacity.
        Assert.InRange(maybe, 0, 2_000);
    }

    [Fact]
    public async Task Builds_that_run_while_marks_arrive_keep_every_marked_key()
    {
        const int Writers = 4;
        const int MarksEach = 3_000;
        var inbox = Open();
        inbox.Dedupe.Filter.MinimumCapacity = 64; // each build sized for twice the keys: one per doubling of them
        await FirstBuildAsync(inbox, "xaa:first-check");

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < MarksEach; i++)
            {
                await inbox.MarkProcessedAsync($"xaa:{writer}-{i}", Retention, CancellationToken.None);
                if (i % 25 == 0)
                {
                    // A commit now and then, so the marks reach the file while builds scan it rather than all at once.
                    await inbox.GetStatsAsync(CancellationToken.None);
                }
            }
        })));

        await Poll.UntilAsync(() => !inbox.Dedupe.Filter.IsBuilding, "the last build ended");
        Assert.True(inbox.Dedupe.Filter.BuildsCompleted >= 5, $"only {inbox.Dedupe.Filter.BuildsCompleted} builds ran");

        // The filter alone, not the in-memory marks in front of it: every key must be a "maybe".
        var missing = Enumerable.Range(0, Writers)
            .SelectMany(writer => Enumerable.Range(0, MarksEach).Select(i => $"xaa:{writer}-{i}"))
            .Where(key => !inbox.Dedupe.Filter.MayContain(key))
            .ToList();
        Assert.Empty(missing);
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

    private SqliteWebhookInbox Open()
    {
        var inbox = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = DatabasePath });
        opened.Add(inbox);
        return inbox;
    }

    /// <summary>Checks <paramref name="probeKey"/>, which starts the filter's first build on a freshly opened store, and waits for that build to end.</summary>
    internal static async Task FirstBuildAsync(SqliteWebhookInbox inbox, string probeKey)
    {
        var builds = inbox.Dedupe.Filter.BuildsCompleted;
        await inbox.WasProcessedAsync(probeKey, CancellationToken.None);
        await Poll.UntilAsync(() => inbox.Dedupe.Filter.BuildsCompleted > builds, "the filter's first build ended");
    }
}
