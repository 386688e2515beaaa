using XWebhooks.Inbox.Tests;
using Xunit.Abstractions;

namespace XWebhooks.EndToEnd.Tests.Crash;

/// <summary>
/// Two sample instances share one Redis inbox; one is killed with SIGKILL mid-run and never comes back. Every
/// delivery either instance acknowledged must be handled: the survivor reclaims the dead one's leased entries.
/// </summary>
public sealed class RedisCrashTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("xwebhooks-redis-crash-").FullName;

    private Dictionary<string, string> Settings(string consumer, string eventsFile) => new()
    {
        ["XWebhooks__Inbox__Mode"] = "Redis",
        ["XWebhooks__Inbox__Configuration"] = redis.Configuration,
        ["XWebhooks__Inbox__ConsumerName"] = consumer,
        ["XWebhooks__Inbox__LeaseDuration"] = "00:00:03",
        ["XWebhooks__Inbox__HandlerTimeout"] = "00:00:01",
        ["XWebhooks__Inbox__PollInterval"] = "00:00:00.100",
        ["Sample__EventsFile"] = eventsFile,
    };

    [SkippableFact]
    public async Task Every_acknowledged_delivery_is_handled_when_one_of_two_instances_is_killed()
    {
        redis.EnsureAvailable();
        const int deliveries = 300;
        var eventsA = Path.Combine(directory, "events-a.jsonl");
        var eventsB = Path.Combine(directory, "events-b.jsonl");
        using var a = await SampleProcess.StartAsync(SampleProcess.FreePort(), directory, Settings("instance-a", eventsA));
        using var b = await SampleProcess.StartAsync(SampleProcess.FreePort(), directory, Settings("instance-b", eventsB));
        var aAlive = true;
        var gate = new SemaphoreSlim(1, 1);

        // Deliveries alternate between the instances, as behind a load balancer; once A is dead, all go to B.
        var driver = new DeliveryDriver(i => aAlive && i % 2 == 0 ? a.Url : b.Url);
        await driver.RunAsync(deliveries, concurrency: 16, async acknowledged =>
        {
            if (!aAlive || acknowledged < deliveries / 2)
            {
                return;
            }

            await gate.WaitAsync();
            try
            {
                if (aAlive)
                {
                    a.Kill();
                    aAlive = false;
                    output.WriteLine($"SIGKILL instance A after {acknowledged} acknowledged deliveries");
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
            handled = DeliveryDriver.Handled(eventsA, eventsB);
            if (driver.Acknowledged.Keys.All(handled.ContainsKey))
            {
                break;
            }

            await Task.Delay(50);
        }

        var lost = driver.Acknowledged.Keys.Where(id => !handled.ContainsKey(id)).ToList();
        var duplicates = handled.Where(h => h.Value > 1).ToList();
        output.WriteLine($"acknowledged {driver.Acknowledged.Count}, handled {handled.Count} (A {DeliveryDriver.Handled(eventsA).Count}, B {DeliveryDriver.Handled(eventsB).Count}), lost {lost.Count}, handled twice {duplicates.Count}");

        Assert.False(aAlive);
        Assert.Equal(deliveries, driver.Acknowledged.Count);
        Assert.Empty(lost);
        // A kill between a handler's effect and its dedupe mark can repeat at most the deliveries A had in flight.
        Assert.True(duplicates.Count <= 16, $"{duplicates.Count} events handled twice");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
