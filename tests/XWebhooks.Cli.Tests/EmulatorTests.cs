using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using XWebhooks.Emulator;
using XWebhooks.EndToEnd.Tests.Crash;

namespace XWebhooks.Cli.Tests;

/// <summary><c>emulate</c> and <c>trigger</c> with a real XWebhooks.Emulator and the real sample receiver.</summary>
public sealed class EmulatorTests
{
    private const string Bearer = "cli-test-bearer";

    [Fact]
    public async Task Register_trigger_replay_invalidate_and_revalidate()
    {
        var directory = Directory.CreateTempSubdirectory("xwebhooks-cli-emulator-").FullName;
        var eventsFile = Path.Combine(directory, "events.jsonl");
        var port = SampleProcess.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["XWebhooks__Inbox__Mode"] = "Inline",
            ["Sample__EventsFile"] = eventsFile,
        };
        var sample = await SampleProcess.StartAsync(port, directory, settings);
        await using var emulator = XEmulator.Create(new XEmulatorOptions
        {
            ConsumerSecret = SampleProcess.Secret,
            BearerToken = Bearer,
            Url = "http://127.0.0.1:0",
            RetryDelays = [TimeSpan.FromMilliseconds(50)],
        });
        try
        {
            await emulator.StartAsync();
            var emulatorUrl = emulator.BaseAddress.ToString();
            using var x = new HttpClient { BaseAddress = emulator.BaseAddress };
            x.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Bearer);

            // Register: the emulator runs a real CRC against the sample.
            using var created = await x.PostAsJsonAsync("/2/webhooks", new JsonObject { ["url"] = sample.Url.ToString() });
            var createdBody = await created.Content.ReadAsStringAsync();
            Assert.True(created.StatusCode == HttpStatusCode.OK, createdBody);
            var webhookId = JsonNode.Parse(createdBody)!["data"]!["id"]!.GetValue<string>();

            // Trigger through the CLI: the sample's handler records the event.
            var trigger = await CliRun.RunAsync("trigger", "post.create", "--emulator", emulatorUrl);
            Assert.True(trigger.ExitCode == 0, trigger.ToString());
            Assert.Contains($"webhook {webhookId} {sample.Url}", trigger.Out);
            var first = await Poll.ValueAsync(() => emulator.Deliveries.SingleOrDefault(d => !d.IsReplay && d.State != XEmulatorDeliveryState.Pending), "the first delivery was settled");
            Assert.Equal(XEmulatorDeliveryState.Delivered, first.State);
            Assert.Equal("activity/post.create", first.EventKind);
            Assert.Contains(SampleEventsFile.Read(eventsFile), line => line.Type == "post.create");

            // Replay the last minutes: the same bytes are delivered again and answered 200.
            var now = DateTimeOffset.UtcNow;
            using var replay = await x.PostAsJsonAsync("/2/webhooks/replay", new JsonObject
            {
                ["webhook_id"] = webhookId,
                ["from_date"] = now.AddMinutes(-2).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture),
                ["to_date"] = now.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture),
            });
            Assert.True(replay.StatusCode == HttpStatusCode.OK, await replay.Content.ReadAsStringAsync());
            var replayed = await Poll.ValueAsync(() => emulator.Deliveries.FirstOrDefault(d => d.IsReplay && d.EventKind == "activity/post.create" && d.State != XEmulatorDeliveryState.Pending), "the replayed post.create was settled");
            Assert.Equal(XEmulatorDeliveryState.Delivered, replayed.State);
            Assert.Equal(200, replayed.Attempts[^1].Status);
            Assert.Equal(first.Body, replayed.Body);

            // The receiver stops: PUT (CRC) fails, the webhook is invalid, and deliveries to it are skipped.
            sample.Kill();
            using (var put = await x.PutAsync($"/2/webhooks/{webhookId}", null))
            {
                Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
                Assert.Contains("CrcValidationFailed", await put.Content.ReadAsStringAsync());
            }

            Assert.False(await IsValidAsync(x, webhookId));
            var refused = await CliRun.RunAsync("trigger", "follow.follow", "--emulator", emulatorUrl);
            Assert.True(refused.ExitCode == 0, refused.ToString());
            var skipped = await Poll.ValueAsync(() => emulator.Deliveries.FirstOrDefault(d => d.EventKind == "activity/follow.follow" && d.State != XEmulatorDeliveryState.Pending), "the follow.follow delivery was settled");
            Assert.Equal(XEmulatorDeliveryState.Skipped, skipped.State);

            // The receiver is back: PUT re-validates, deliveries flow again.
            sample.Dispose();
            sample = await SampleProcess.StartAsync(port, directory, settings);
            using (var put = await x.PutAsync($"/2/webhooks/{webhookId}", null))
            {
                Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
            }

            Assert.True(await IsValidAsync(x, webhookId));
            var again = await CliRun.RunAsync("trigger", "like.create", "--emulator", emulatorUrl, "--webhook-id", webhookId);
            Assert.True(again.ExitCode == 0, again.ToString());
            var liked = await Poll.ValueAsync(() => emulator.Deliveries.FirstOrDefault(d => d.EventKind == "activity/like.create" && d.State != XEmulatorDeliveryState.Pending), "the like.create delivery was settled");
            Assert.Equal(XEmulatorDeliveryState.Delivered, liked.State);
            Assert.Contains(SampleEventsFile.Read(eventsFile), line => line.Type == "like.create");
        }
        finally
        {
            sample.Dispose();
            await emulator.StopAsync();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task Emulate_registers_prints_deliveries_and_stops_on_cancel()
    {
        var directory = Directory.CreateTempSubdirectory("xwebhooks-cli-emulate-").FullName;
        var eventsFile = Path.Combine(directory, "events.jsonl");
        using var sample = await SampleProcess.StartAsync(SampleProcess.FreePort(), directory, new Dictionary<string, string>
        {
            ["XWebhooks__Inbox__Mode"] = "Inline",
            ["Sample__EventsFile"] = eventsFile,
        });
        var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        string Printed()
        {
            lock (output)
            {
                return text.ToString();
            }
        }

        using var stop = new CancellationTokenSource();
        var context = new CliContext(output, output);
        var running = Program.InvokeAsync(
            ["emulate", "--url", "http://127.0.0.1:0", "--secret", SampleProcess.Secret, "--bearer-token", Bearer, "--register", sample.Url.ToString()],
            context,
            stop.Token);
        try
        {
            await Poll.ValueAsync(() => Printed().Contains("Press Ctrl+C", StringComparison.Ordinal) ? "ready" : null, "the emulator printed that it is ready");
            var printed = Printed();
            Assert.Contains("Bearer token:  " + Bearer, printed);
            Assert.Contains("Localhost webhook URLs are relaxed", printed);
            Assert.Contains($"Registered {sample.Url}", printed);
            var emulatorUrl = printed.Split('\n').First(line => line.StartsWith("X emulator listening on ", StringComparison.Ordinal))["X emulator listening on ".Length..].Trim();

            var trigger = await CliRun.RunAsync("trigger", "stream/post", "--emulator", emulatorUrl);

            Assert.True(trigger.ExitCode == 0, trigger.ToString());
            await Poll.ValueAsync(() => Printed().Contains("stream/post", StringComparison.Ordinal) && Printed().Contains(": delivered, 200", StringComparison.Ordinal) ? "done" : null, "the stream/post delivery was printed");
            Assert.Contains(SampleEventsFile.Read(eventsFile), line => line.Type == "stream.post");
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(0, await running.WaitAsync(Poll.DefaultTimeout));
        Assert.Contains("Stopping.", Printed());
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<bool> IsValidAsync(HttpClient x, string webhookId)
    {
        using var list = await x.GetAsync("/2/webhooks");
        using var document = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("data").EnumerateArray()
            .Single(webhook => webhook.GetProperty("id").GetString() == webhookId)
            .GetProperty("valid").GetBoolean();
    }
}
