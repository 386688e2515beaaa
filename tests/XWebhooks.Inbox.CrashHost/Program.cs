// Appends "n" bodies to the SQLite inbox at args[0] from 16 concurrent writers until killed, printing
// "ACK n" after each append was acknowledged. The test kills this process with SIGKILL mid-stream.
using System.Text;
using XWebhooks.Inbox;
using XWebhooks.Sqlite;

var inbox = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = args[0] });
var output = Console.Out;
var next = -1;
var writers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var n = Interlocked.Increment(ref next);
        await inbox.AppendAsync(new XInboxAppend(Encoding.UTF8.GetBytes(n.ToString(System.Globalization.CultureInfo.InvariantCulture)), DateTimeOffset.UtcNow), CancellationToken.None);
        lock (output)
        {
            output.WriteLine($"ACK {n}");
            output.Flush();
        }
    }
})).ToArray();
await Task.WhenAll(writers);
