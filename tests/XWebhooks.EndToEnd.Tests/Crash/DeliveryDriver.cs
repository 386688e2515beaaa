using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using XWebhooks.Testing;

namespace XWebhooks.EndToEnd.Tests.Crash;

/// <summary>
/// Plays X: sends N distinct signed deliveries with some concurrency and, like X, resends any that did not get a 200
/// (error status, refused connection, reset) until one does. Records which deliveries were acknowledged.
/// </summary>
internal sealed class DeliveryDriver(Func<int, Uri> target)
{
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(10) };

    public ConcurrentDictionary<string, bool> Acknowledged { get; } = new();

    public static string EventId(int i) => "crash-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Body(int i) => Encoding.UTF8.GetBytes(
        "{\"data\":{\"event_uuid\":\"" + EventId(i) + "\",\"event_type\":\"post.create\",\"payload\":{\"id\":\"" + i + "\",\"text\":\"crash test\"}}}");

    public async Task RunAsync(int count, int concurrency, Func<int, Task>? afterAcknowledged = null)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var body = Body(i);
            for (var attempt = 0; ; attempt++)
            {
                if (attempt > 2000)
                {
                    throw new TimeoutException($"delivery {i} never got a 200");
                }

                try
                {
                    using var response = await client.SendAsync(XWebhookTestKit.CreateSignedPost(target(i), body, SampleProcess.Secret));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Acknowledged[EventId(i)] = true;
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // The receiver is down (killed): X would retry later.
                }
                catch (TaskCanceledException)
                {
                    // Timed out: retry.
                }

                await Task.Delay(20);
            }

            if (afterAcknowledged is not null)
            {
                await afterAcknowledged(Acknowledged.Count);
            }
        });
    }

    /// <summary>Event ids handlers recorded in the sample's events files, with how often each was handled.</summary>
    public static Dictionary<string, int> Handled(params string[] eventsFiles)
    {
        var counts = new Dictionary<string, int>();
        foreach (var file in eventsFiles.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                var id = json.RootElement.GetProperty("id").GetString();
                if (id is not null && id.StartsWith("crash-", StringComparison.Ordinal))
                {
                    counts[id] = counts.GetValueOrDefault(id) + 1;
                }
            }
        }

        return counts;
    }
}
