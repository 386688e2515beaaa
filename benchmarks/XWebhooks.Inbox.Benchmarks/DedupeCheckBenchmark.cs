using System.Diagnostics;
using System.Globalization;
using XWebhooks.Sqlite;

/// <summary>
/// What a dedupe check costs on the SQLite store, per kind of key: a new key (answered by the Bloom filter without a
/// read, as the ack path asks for most events) and a key marked long enough ago to have left memory (the filter says
/// "maybe", so it is read from the file: what every new key cost before the filter). Prints µs per check and how
/// many checks read the file; asserts nothing.
/// </summary>
internal static class DedupeCheckBenchmark
{
    public static async Task RunAsync(int n)
    {
        var directory = Directory.CreateTempSubdirectory("xwh-dedupe-").FullName;
        try
        {
            await using var inbox = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = Path.Combine(directory, "bench.db") });

            // More marks than stay in memory: the oldest n are answered by the filter and the file only.
            var marks = n + SqliteDedupeStore.RecentCapacity;
            for (var i = 0; i < marks; i++)
            {
                await inbox.MarkProcessedAsync($"xaa:marked-{i}", TimeSpan.FromHours(1), CancellationToken.None);
            }

            await inbox.GetStatsAsync(CancellationToken.None); // an awaited write: every mark posted before it is committed
            var builds = inbox.Dedupe.Filter.BuildsCompleted;
            await inbox.WasProcessedAsync("xaa:warm-up", CancellationToken.None);
            while (inbox.Dedupe.Filter.BuildsCompleted == builds || inbox.Dedupe.Filter.IsBuilding)
            {
                await Task.Delay(10);
            }

            var (newKey, newReads) = await MeasureAsync(inbox, n, i => $"xaa:new-{i}", expected: false);
            var (oldKey, oldReads) = await MeasureAsync(inbox, n, i => $"xaa:marked-{i}", expected: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dedupe check, {marks} keys marked, {Environment.ProcessorCount} cores: new key {newKey:F2} µs ({newReads} of {n} read the file); key only in the file {oldKey:F2} µs ({oldReads} of {n} read it)"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(double MicrosecondsPerCheck, long FileReads)> MeasureAsync(SqliteWebhookInbox inbox, int n, Func<int, string> key, bool expected)
    {
        var readsBefore = inbox.Dedupe.FileReads;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            if (await inbox.WasProcessedAsync(key(i), CancellationToken.None) != expected)
            {
                throw new InvalidOperationException($"{key(i)}: expected {expected}");
            }
        }

        return (stopwatch.Elapsed.TotalMicroseconds / n, inbox.Dedupe.FileReads - readsBefore);
    }
}
