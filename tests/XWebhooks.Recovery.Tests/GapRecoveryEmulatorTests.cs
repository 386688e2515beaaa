using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Diagnostics;
using XWebhooks.Emulator;
using XWebhooks.Management;

namespace XWebhooks.Recovery.Tests;

/// <summary>
/// The key scenario against the local X emulator: a receiver with the SQLite inbox handles an event, stops;
/// X's deliveries of events made meanwhile fail through their retries; the receiver restarts on the same port and
/// file, gap recovery creates a replay job, and every event is handled exactly once.
/// </summary>
public sealed class GapRecoveryEmulatorTests : IAsyncLifetime
{
    private const string Bearer = "recovery-tests-bearer";
    private readonly string directory = Directory.CreateTempSubdirectory("xwh-gap-").FullName;
    private XEmulator emulator = null!;

    private string DatabasePath => Path.Combine(directory, "inbox.db");

    public async Task InitializeAsync()
    {
        emulator = XEmulator.Create(new XEmulatorOptions
        {
            ConsumerSecret = TestReceiver.DefaultSecret,
            BearerToken = Bearer,
            Url = "http://127.0.0.1:0",
            RetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100)],
            DeliveryTimeout = TimeSpan.FromSeconds(5),
        });
        await emulator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await emulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private Task<TestReceiver> StartReceiverAsync(int port, string? webhookId) => TestReceiver.StartAsync(new()
    {
        Port = port,
        Configure = x =>
        {
            x.Services.AddSingleton<HandledEvents>();
            x.AddSqliteInbox(o => o.Path = DatabasePath, w => w.PollInterval = TimeSpan.FromMilliseconds(100));
            x.Services.AddXWebhooksClient(o =>
            {
                o.BearerToken = Bearer;
                o.BaseAddress = emulator.BaseAddress;
            });
            x.AddGapRecovery(o =>
            {
                o.WebhookId = webhookId;
                o.MinimumGap = TimeSpan.FromSeconds(1);
                o.Margin = TimeSpan.FromMinutes(1);
                o.MinimumToDateAge = TimeSpan.Zero; // the emulator accepts a window that ends now
            });
        },
    });

    private static HandledEvents Handled(TestReceiver receiver) => receiver.Services.GetRequiredService<HandledEvents>();

    private static GapRecoveryService GapRecovery(TestReceiver receiver) =>
        receiver.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<GapRecoveryService>().Single();

    private static string Uuid(XEmulatorDelivery delivery) =>
        System.Text.Json.JsonDocument.Parse(delivery.Body).RootElement.GetProperty("data").GetProperty("event_uuid").ToString();

    [Fact]
    public async Task Events_missed_while_down_are_replayed_and_handled_exactly_once()
    {
        var port = FreePort();

        // 1. First run: register with X (its CRC reaches the receiver) and handle one event live.
        string webhookId;
        string before;
        HandledEvents firstHandled;
        var first = await StartReceiverAsync(port, webhookId: null);
        await using (first)
        {
            Assert.Equal(XWebhooksOutcomes.ReplayNoWatermark, await GapRecovery(first).Completion.WaitAsync(TimeSpan.FromSeconds(60)));
            var client = first.Services.GetRequiredService<XWebhooksClient>();
            webhookId = (await client.CreateWebhookAsync(first.Url)).Id;

            before = Uuid(Assert.Single(await emulator.TriggerAsync("post.create", webhookId)));
            firstHandled = Handled(first);
            await Poll.UntilAsync(() => firstHandled.Uuids.Contains(before), "the live event was handled");
        }

        // 2. Down: X's deliveries (and their retries) fail.
        var missed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            missed.Add(Uuid(Assert.Single(await emulator.TriggerAsync("post.create", webhookId))));
        }

        await Poll.UntilAsync(
            () => emulator.Deliveries.Where(d => missed.Contains(Uuid(d))).All(d => d.State == XEmulatorDeliveryState.Failed),
            "X gave up on the deliveries made while the receiver was down");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // longer than MinimumGap since the last acknowledged delivery

        // 3. Restart on the same port and file: gap recovery asks X to replay the downtime.
        var second = await StartReceiverAsync(port, webhookId);
        await using (second)
        {
            Assert.Equal(XWebhooksOutcomes.ReplayCreated, await GapRecovery(second).Completion.WaitAsync(TimeSpan.FromSeconds(120)));
            await Poll.UntilAsync(() => missed.All(Handled(second).Uuids.Contains), "the missed events were handled", TimeSpan.FromSeconds(120));

            // The replay also re-sent the event handled before the stop (it is inside the margin); wait until X
            // reports the job done, so a late duplicate would be visible below.
            await Poll.UntilAsync(
                () => emulator.Deliveries.Any(d => d.EventKind == "replay_job_status" && d.State == XEmulatorDeliveryState.Delivered),
                "X finished the replay job", TimeSpan.FromSeconds(120));
            Assert.Contains(emulator.Deliveries, d => d.IsReplay && d.EventKind != "replay_job_status" && Uuid(d) == before);
            await Poll.UntilAsync(() => second.Services.GetRequiredService<XWebhooks.Inbox.IXWebhookInbox>().GetStatsAsync(CancellationToken.None).AsTask().Result.Depth == 0, "the inbox drained");

            Assert.Equal(missed.Order(StringComparer.Ordinal), Handled(second).Uuids.Order(StringComparer.Ordinal)); // each once, and not `before` again
            Assert.Equal([before], firstHandled.Uuids);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
