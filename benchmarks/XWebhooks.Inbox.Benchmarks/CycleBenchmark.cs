using System.Diagnostics;
using System.Globalization;
using XWebhooks.Inbox;
using XWebhooks.Sqlite;

/// <summary>
/// The whole life of an entry, as the receiver and its worker drive the store at once: 64 concurrent appends
/// (the ack path) while one consumer leases batches of 64 and, per entry, marks a dedupe key and completes.
/// Prints append (time-to-ack) p50/p99 and both rates; asserts nothing.
/// </summary>
internal static class CycleBenchmark
{
    /// <summary>The durability level measured: <c>XWEBHOOKS_SQLITE_DURABILITY</c>, default <see cref="XWebhooksSqliteDurability.Fsync"/>.</summary>
    public static XWebhooksSqliteDurability Durability { get; } =
        Enum.TryParse<XWebhooksSqliteDurability>(Environment.GetEnvironmentVariable("XWEBHOOKS_SQLITE_DURABILITY"), out var level) ? level : XWebhooksSqliteDurability.Fsync;

    public static async Task RunAsync(int n, int bodyBytes)
    {
        var body = new byte[bodyBytes];
        Random.Shared.NextBytes(body);
        var directory = Directory.CreateTempSubdirectory("xwh-cycle-").FullName;
        try
        {
            await using var inbox = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = Path.Combine(directory, "bench.db"), Durability = Durability });
            await inbox.AppendAsync(new XInboxAppend(body, DateTimeOffset.UtcNow), CancellationToken.None);

            var latencies = new double[n];
            var next = -1;
            var consumed = 0L;
            using var stop = new CancellationTokenSource();
            var total = Stopwatch.StartNew();
            var consumer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested || Volatile.Read(ref consumed) < n + 1)
                {
                    var leased = await inbox.LeaseAsync(64, TimeSpan.FromMinutes(1), CancellationToken.None);
                    if (leased.Count == 0)
                    {
                        if (stop.IsCancellationRequested)
                        {
                            break;
                        }

                        await Task.Delay(1);
                        continue;
                    }

                    await Task.WhenAll(leased.Select(async entry =>
                    {
                        await inbox.MarkProcessedAsync("key:" + entry.Id, TimeSpan.FromHours(48), CancellationToken.None);
                        await inbox.CompleteAsync(entry, CancellationToken.None);
                    }));
                    Interlocked.Add(ref consumed, leased.Count);
                }
            });

            var producers = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < n)
                {
                    var start = Stopwatch.GetTimestamp();
                    await inbox.AppendAsync(new XInboxAppend(body, DateTimeOffset.UtcNow), CancellationToken.None);
                    latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
            })).ToArray();
            await Task.WhenAll(producers);
            var appendSeconds = total.Elapsed.TotalSeconds;
            stop.Cancel();
            await consumer;
            total.Stop();

            var wal = new FileInfo(Path.Combine(directory, "bench.db-wal"));
            var walMegabytes = wal.Exists ? wal.Length / 1048576.0 : 0;
            Array.Sort(latencies);
            double P(double q) => latencies[Math.Min(n - 1, (int)Math.Ceiling(q * n) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cycle, body {bodyBytes} B, {Durability}: appends {n / appendSeconds,7:F0}/s  ack p50 {P(0.50),6:F2} ms  p99 {P(0.99),6:F2} ms  max {latencies[^1],7:F2} ms  all consumed {n / total.Elapsed.TotalSeconds,7:F0}/s  commits {inbox.CommitCount}  WAL {walMegabytes:F1} MB"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
