using System.Diagnostics;
using System.Text;
using XWebhooks.Sqlite;

namespace XWebhooks.Inbox.Tests;

/// <summary>
/// Under <see cref="XWebhooksSqliteDurability.Fsync"/> the writer commits without waiting for the disk and a syncer
/// thread fsyncs the WAL: an append may be acknowledged only after an fsync that began after its commit, and the writer
/// must keep committing meanwhile. The tests hold an fsync back with the syncer's test hook.
/// </summary>
public sealed class SqliteWalSyncTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly string directory = Directory.CreateTempSubdirectory("xwh-wal-sync-").FullName;
    private readonly ManualResetEventSlim syncStarted = new();
    private readonly ManualResetEventSlim release = new();
    private SqliteWebhookInbox? inbox;

    [Fact]
    public async Task An_append_is_acknowledged_after_the_fsync_that_followed_its_commit_and_the_writer_does_not_wait_for_it()
    {
        var inbox = await OpenHoldingTheNextFsyncAsync();
        var commitsBefore = inbox.CommitCount;
        var syncsBefore = inbox.Engine.WalSyncCount;

        var first = AppendAsync(inbox, "first");
        Assert.True(syncStarted.Wait(Patience), "no fsync started for the append");
        Assert.Equal(commitsBefore + 1, inbox.CommitCount);
        Assert.False(first.IsCompleted);

        // While that fsync hangs, the writer still commits: a second append, and a write someone waits for.
        var second = AppendAsync(inbox, "second");
        await inbox.Engine.ExecuteAsync(_ => 0, CancellationToken.None).AsTask().WaitAsync(Patience);
        Assert.Equal(commitsBefore + 2, inbox.CommitCount);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        release.Set();
        await first.WaitAsync(Patience);
        await second.WaitAsync(Patience);
        Assert.Equal(syncsBefore + 2, inbox.Engine.WalSyncCount);
    }

    [Fact]
    public async Task Appends_that_arrive_during_an_fsync_wait_in_one_open_transaction_and_share_the_next_commit_and_fsync()
    {
        var inbox = await OpenHoldingTheNextFsyncAsync();
        var first = AppendAsync(inbox, "first");
        Assert.True(syncStarted.Wait(Patience), "no fsync started for the append");
        var commits = inbox.CommitCount;
        var syncs = inbox.Engine.WalSyncCount;

        var more = Enumerable.Range(0, 20).Select(i => AppendAsync(inbox, $"more {i}")).ToArray();
        var deadline = Stopwatch.StartNew();
        while (inbox.Queue.Recent.Count < 22 && deadline.Elapsed < Patience)
        {
            await Task.Delay(5);
        }

        // All 20 are in the writer's transaction (staged), none committed while the fsync runs.
        Assert.Equal(22, inbox.Queue.Recent.Count);
        Assert.Equal(commits, inbox.CommitCount);

        release.Set();
        await Task.WhenAll(more.Append(first)).WaitAsync(Patience);
        Assert.Equal(commits + 1, inbox.CommitCount);
        Assert.Equal(syncs + 2, inbox.Engine.WalSyncCount);
        Assert.Equal(22, (await inbox.GetStatsAsync(CancellationToken.None)).Depth);
    }

    [Theory]
    [InlineData(XWebhooksSqliteDurability.Fsync)]
    [InlineData(XWebhooksSqliteDurability.Process)]
    public async Task The_rest_of_an_appends_request_runs_on_the_thread_pool_never_on_the_writer_or_the_syncer(XWebhooksSqliteDurability durability)
    {
        inbox = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = Path.Combine(directory, "inbox.db"), Durability = durability });
        await AppendAsync(inbox, "warm-up");

        // The continuations run inline where the append completes: record the thread each one ran on. One whose
        // append completed before ContinueWith ran (the test thread was preempted) runs on this thread: left out.
        var testThread = Environment.CurrentManagedThreadId;
        var continuedOn = Enumerable.Range(0, 64)
            .Select(i => AppendAsync(inbox, $"b{i}").ContinueWith(
                _ => (Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default))
            .ToArray();
        var threads = (await Task.WhenAll(continuedOn).WaitAsync(Patience)).Where(thread => thread.CurrentManagedThreadId != testThread).ToList();

        Assert.True(threads.Count >= 32, $"only {threads.Count} of 64 appends were still pending when their continuation was attached");
        Assert.All(threads, thread => Assert.True(thread.IsThreadPoolThread, $"continued on '{thread.Name}'"));
    }

    [Fact]
    public async Task An_append_cancelled_before_the_writer_took_it_is_cancelled_on_the_thread_pool()
    {
        inbox = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = Path.Combine(directory, "inbox.db") });
        await AppendAsync(inbox, "warm-up");

        // Keep the writer busy in a write of its own, so the append waits in its queue.
        using var writerBusy = new ManualResetEventSlim();
        var busy = inbox.Engine.ExecuteAsync(
            _ =>
            {
                writerBusy.Set();
                return release.Wait(Patience);
            },
            CancellationToken.None).AsTask();
        Assert.True(writerBusy.Wait(Patience));

        using var cancel = new CancellationTokenSource();
        var cancelled = inbox.AppendAsync(new XInboxAppend(Encoding.UTF8.GetBytes("cancelled"), DateTimeOffset.UtcNow), cancel.Token).AsTask();
        var continuedOn = cancelled.ContinueWith(
            _ => Thread.CurrentThread.IsThreadPoolThread,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        cancel.Cancel();
        release.Set();

        Assert.True(await continuedOn.WaitAsync(Patience));
        Assert.True(cancelled.IsCanceled);
        Assert.True(await busy.WaitAsync(Patience));
        Assert.Equal(1, (await inbox.GetStatsAsync(CancellationToken.None)).Depth);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        release.Set();
        if (inbox is not null)
        {
            await inbox.DisposeAsync();
        }

        syncStarted.Dispose();
        release.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>Opens an inbox with one acknowledged append (so its threads run), then makes the next fsync wait for <see cref="release"/>.</summary>
    private async Task<SqliteWebhookInbox> OpenHoldingTheNextFsyncAsync()
    {
        inbox = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = Path.Combine(directory, "inbox.db") });
        await AppendAsync(inbox, "warm-up");
        inbox.Engine.BeforeWalSync = () =>
        {
            syncStarted.Set();
            release.Wait();
        };
        return inbox;
    }

    private static Task AppendAsync(SqliteWebhookInbox inbox, string body)
        => inbox.AppendAsync(new XInboxAppend(Encoding.UTF8.GetBytes(body), DateTimeOffset.UtcNow), CancellationToken.None).AsTask();
}
