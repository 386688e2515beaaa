// SQLite inbox append benchmark: N appends at concurrency 1 and 64 on a real temp file (WAL; with the default
// durability each append is acknowledged after an fsync of the log). Prints appends/s and latency percentiles; asserts
// nothing. Usage: dotnet run -c Release -- [N] [concurrency...]
// "cycle [N] [body bytes]" runs CycleBenchmark instead: appends while a consumer leases, marks and completes.
// "dedupe [N]" runs DedupeCheckBenchmark: the cost of a dedupe check of a new key and of a key only in the file.
// XWEBHOOKS_SQLITE_DURABILITY=Process measures that durability level (default Fsync).
using System.Diagnostics;
using System.Globalization;
using XWebhooks.Inbox;
using XWebhooks.Sqlite;

if (args.Length > 0 && args[0] == "cycle")
{
    await CycleBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8192);
    return;
}

if (args.Length > 0 && args[0] == "dedupe")
{
    await DedupeCheckBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20000);
    return;
}

var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var levels = args.Length > 1 ? args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1, 64];
var body = new byte[1024];
Random.Shared.NextBytes(body);

Console.WriteLine($"SQLite inbox append, N={n}, body {body.Length} B, durability {CycleBenchmark.Durability}, {Environment.ProcessorCount} cores");
foreach (var concurrency in levels)
{
    var directory = Directory.CreateTempSubdirectory("xwh-bench-").FullName;
    try
    {
        await using var inbox = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = Path.Combine(directory, "bench.db"), Durability = CycleBenchmark.Durability });
        await inbox.AppendAsync(new XInboxAppend(body, DateTimeOffset.UtcNow), CancellationToken.None); // schema + warm-up

        var latencies = new double[n];
        var next = -1;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < n)
            {
                var start = Stopwatch.GetTimestamp();
                await inbox.AppendAsync(new XInboxAppend(body, DateTimeOffset.UtcNow), CancellationToken.None);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        total.Stop();

        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(n - 1, (int)Math.Ceiling(q * n) - 1)];
        var commits = inbox.CommitCount;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"concurrency {concurrency,3}: {n / total.Elapsed.TotalSeconds,9:F0} appends/s  p50 {P(0.50),7:F2} ms  p99 {P(0.99),7:F2} ms  max {latencies[^1],7:F2} ms  commits {commits}"));
    }
    finally
    {
        Directory.Delete(directory, recursive: true);
    }
}
