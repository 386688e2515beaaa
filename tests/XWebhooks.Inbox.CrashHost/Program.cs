// The child process of the SQLite crash tests, killed with SIGKILL by the test. Modes:
//   append <path> <Fsync|Process>  appends "n" bodies from 16 concurrent writers until killed, printing "ACK n" after each acknowledged append
//   lease <path> <maxAttempts>     leases one entry and prints "LEASED <attempt> <body>" (then waits to be killed), or "EMPTY" and exits
//   hold <path>                    opens the inbox, prints "OPEN" and waits to be killed
//   mark <path>                    marks dedupe keys "k-<n>" from 8 concurrent writers until killed, checking a new key
//                                  before each mark (as the ack path does); after every 50 marks of a writer, two
//                                  awaited writes in a row (every mark posted before them is then committed), then
//                                  "MARKED n" for each of those keys
using System.Globalization;
using System.Text;
using XWebhooks.Inbox;
using XWebhooks.Sqlite;

var output = Console.Out;
var options = new XWebhooksSqliteOptions { Path = args[1] };
switch (args[0])
{
    case "append":
    {
        options.Durability = Enum.Parse<XWebhooksSqliteDurability>(args[2]);
        var inbox = new SqliteWebhookInbox(options);
        var next = -1;
        var writers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var n = Interlocked.Increment(ref next);
                await inbox.AppendAsync(new XInboxAppend(Encoding.UTF8.GetBytes(n.ToString(CultureInfo.InvariantCulture)), DateTimeOffset.UtcNow), CancellationToken.None);
                lock (output)
                {
                    output.WriteLine($"ACK {n}");
                    output.Flush();
                }
            }
        })).ToArray();
        await Task.WhenAll(writers);
        break;
    }

    case "lease":
    {
        var inbox = new SqliteWebhookInbox(options);
        inbox.Queue.MaxAttempts = int.Parse(args[2], CultureInfo.InvariantCulture);
        var leased = await inbox.LeaseAsync(1, TimeSpan.FromMinutes(5), CancellationToken.None);
        if (leased.Count == 0)
        {
            output.WriteLine("EMPTY");
            output.Flush();
            await inbox.DisposeAsync();
            return;
        }

        output.WriteLine($"LEASED {leased[0].Attempt} {Encoding.UTF8.GetString(leased[0].Body.Span)}");
        output.Flush();
        await Task.Delay(Timeout.Infinite);
        break;
    }

    case "hold":
    {
        var inbox = new SqliteWebhookInbox(options);
        await inbox.GetStatsAsync(CancellationToken.None);
        output.WriteLine("OPEN");
        output.Flush();
        await Task.Delay(Timeout.Infinite);
        break;
    }

    case "mark":
    {
        var inbox = new SqliteWebhookInbox(options);
        var next = -1;
        var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var marked = new List<int>(50);
            while (true)
            {
                var n = Interlocked.Increment(ref next);
                var key = $"k-{n}";
                if (await inbox.WasProcessedAsync(key, CancellationToken.None))
                {
                    throw new InvalidOperationException($"{key} was never marked but is answered processed");
                }

                await inbox.MarkProcessedAsync(key, TimeSpan.FromHours(1), CancellationToken.None);
                marked.Add(n);
                if (marked.Count < 50)
                {
                    continue;
                }

                await inbox.GetStatsAsync(CancellationToken.None);
                await inbox.GetStatsAsync(CancellationToken.None);
                lock (output)
                {
                    foreach (var m in marked)
                    {
                        output.WriteLine($"MARKED {m}");
                    }

                    output.Flush();
                }

                marked.Clear();
            }
        })).ToArray();
        await Task.WhenAll(writers);
        break;
    }

    default:
        throw new ArgumentException($"unknown mode {args[0]}");
}
