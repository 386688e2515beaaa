using System.Diagnostics;
using System.Text;
using XWebhooks.Sqlite;

namespace XWebhooks.Inbox.Tests;

/// <summary>An append acknowledged before the process is killed with SIGKILL is in the file afterwards.</summary>
public sealed class SqliteCrashTests
{
    [Fact]
    public async Task Acknowledged_appends_survive_sigkill()
    {
        var directory = Directory.CreateTempSubdirectory("xwh-crash-").FullName;
        try
        {
            var path = Path.Combine(directory, "crash.db");
            var host = Path.Combine(AppContext.BaseDirectory, "XWebhooks.Inbox.CrashHost.dll");
            Assert.True(File.Exists(host), $"missing {host}");

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(host);
            start.ArgumentList.Add(path);
            using var child = Process.Start(start)!;

            var acknowledged = new HashSet<string>();
            var stopwatch = Stopwatch.StartNew();
            while (acknowledged.Count < 2000 && stopwatch.Elapsed < TimeSpan.FromSeconds(60))
            {
                var line = await child.StandardOutput.ReadLineAsync();
                if (line is null)
                {
                    break;
                }

                if (line.StartsWith("ACK ", StringComparison.Ordinal))
                {
                    acknowledged.Add(line[4..]);
                }
            }

            child.Kill(); // SIGKILL on Unix: no finalizers, no dispose, no flush.
            await child.WaitForExitAsync();
            Assert.True(acknowledged.Count >= 100, $"only {acknowledged.Count} appends were acknowledged before the kill");

            await using var reopened = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = path });
            var stored = new HashSet<string>();
            IReadOnlyList<XInboxEntry> batch;
            while ((batch = await reopened.LeaseAsync(500, TimeSpan.FromMinutes(5), CancellationToken.None)).Count > 0)
            {
                foreach (var entry in batch)
                {
                    stored.Add(Encoding.UTF8.GetString(entry.Body.Span));
                }
            }

            var lost = acknowledged.Except(stored).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged appends were lost, e.g. {string.Join(", ", lost.Take(5))}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
