using System.Net;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Delivery;
using XWebhooks.Sqlite;
using XWebhooks.Testing;
using XWebhooks.TestSupport;

namespace XWebhooks.Inbox.Tests;

/// <summary>The SQLite inbox under the real receiver and inbox worker.</summary>
public sealed class SqliteInboxWorkerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("xwh-worker-").FullName;

    [Fact]
    public async Task A_delivery_whose_completion_was_lost_is_processed_again_after_a_restart_and_dedupe_skips_its_handled_event()
    {
        var path = Path.Combine(directory, "inbox.db");
        var body = XExamplePayloads.CreateUnique("post.create");

        var first = new CountingDispatcher();
        await using (var receiver = await StartAsync(path, first))
        {
            var inbox = Assert.IsType<SqliteWebhookInbox>(receiver.Services.GetRequiredService<IXWebhookInbox>());
            inbox.Queue.LoseCompletions = true;

            Assert.Equal(HttpStatusCode.OK, (await receiver.PostAsync(body)).StatusCode);
            await Poll.UntilAsync(() => inbox.Dedupe.RecentCount == 1, "the worker handled the event and marked it");
            Assert.Equal(1, first.Handled);
        }

        // The completion was lost, as in a crash right after it: the delivery is still in the file.
        await using (var file = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = path }))
        {
            Assert.Equal(1, (await file.GetStatsAsync(CancellationToken.None)).Depth);
        }

        var second = new CountingDispatcher();
        await using (var receiver = await StartAsync(path, second))
        {
            var inbox = receiver.Services.GetRequiredService<IXWebhookInbox>();
            await Poll.UntilAsync(async () => (await inbox.GetStatsAsync(CancellationToken.None)).Depth == 0, "the delivery was processed again and completed");
            Assert.Equal(0, second.Handled);
        }
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static Task<TestReceiver> StartAsync(string path, CountingDispatcher dispatcher) =>
        TestReceiver.StartAsync(new()
        {
            Dispatcher = dispatcher,
            Configure = x => x.AddSqliteInbox(o => o.Path = path, w => w.PollInterval = TimeSpan.FromMilliseconds(20)),
        });

    /// <summary>Handles <c>post.create</c> and counts the events its handler ran for.</summary>
    private sealed class CountingDispatcher : IXWebhookDispatcher
    {
        private int handled;

        public int Handled => Volatile.Read(ref handled);

        public int Route(XProduct product, ReadOnlySpan<byte> eventType) => eventType.SequenceEqual("post.create"u8) ? 0 : -1;

        public ValueTask DispatchAsync(int route, XEventPayload payload, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref handled);
            return ValueTask.CompletedTask;
        }
    }
}
