using Xunit.Abstractions;

namespace XWebhooks.EndToEnd.Tests.Crash;

/// <summary>
/// The sample in its default SQLite inbox mode, driven with signed deliveries while it is killed with SIGKILL and
/// restarted: every delivery that got a 200 must be handled after the restart.
/// </summary>
public sealed class SqliteCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("xwebhooks-crash-").FullName;

    [Fact]
    public async Task Every_acknowledged_delivery_is_handled_after_SIGKILL_and_restart()
    {
        const int deliveries = 300;
        const int kills = 2;
        var port = SampleProcess.FreePort();
        var eventsFile = Path.Combine(directory, "events.jsonl");
        var settings = new Dictionary<string, string>
        {
            ["XWebhooks__Inbox__Path"] = Path.Combine(directory, "inbox.db"),
            ["Sample__EventsFile"] = eventsFile,
            // Default 2-minute lease: entries the killed process had leased must come back because the restarted
            // process releases a dead owner's leases, not because their leases ran out within the test's wait.
            ["XWebhooks__Inbox__HandlerTimeout"] = "00:00:01",
        };
        var sample = await SampleProcess.StartAsync(port, directory, settings);
        var gate = new SemaphoreSlim(1, 1);
        var killsDone = 0;
        var driver = new DeliveryDriver(_ => sample.Url);

        // Kill at one third and two thirds of the acknowledgements, then restart on the same port and file.
        await driver.RunAsync(deliveries, concurrency: 16, async acknowledged =>
        {
            if (killsDone >= kills || acknowledged < deliveries * (killsDone + 1) / (kills + 1))
            {
                return;
            }

            await gate.WaitAsync();
            try
            {
                if (killsDone < kills && acknowledged >= deliveries * (killsDone + 1) / (kills + 1))
                {
                    sample.Kill();
                    killsDone++;
                    output.WriteLine($"SIGKILL #{killsDone} after {acknowledged} acknowledged deliveries");
                    sample.Dispose();
                    sample = await SampleProcess.StartAsync(port, directory, settings);
                }
            }
            finally
            {
                gate.Release();
            }
        });

        Dictionary<string, int> handled = [];
        for (var i = 0; i < 600; i++)
        {
            handled = DeliveryDriver.Handled(eventsFile);
            if (driver.Acknowledged.Keys.All(handled.ContainsKey))
            {
                break;
            }

            await Task.Delay(50);
        }

        sample.Dispose();
        var lost = driver.Acknowledged.Keys.Where(id => !handled.ContainsKey(id)).ToList();
        var duplicates = handled.Where(h => h.Value > 1).ToList();
        output.WriteLine($"acknowledged {driver.Acknowledged.Count}, handled {handled.Count}, lost {lost.Count}, handled twice {duplicates.Count}");

        Assert.Equal(kills, killsDone);
        Assert.Equal(deliveries, driver.Acknowledged.Count);
        Assert.Empty(lost);
        // Dedupe makes a redelivered or replayed event reach handlers once. The one window left is a kill between a
        // handler's effect and its dedupe mark: at most the deliveries in flight at each kill (the worker's concurrency).
        Assert.True(duplicates.Count <= kills * 16, $"{duplicates.Count} events handled twice");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
