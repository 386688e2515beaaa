using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using XWebhooks.Emulator;
using XWebhooks.EndToEnd.Tests.Crash;

namespace XWebhooks.Cli.Tests;

/// <summary>
/// The sample's opt-in management (XWebhooks:Client:BearerToken + XWebhooks:PublicUrl) against a real emulator:
/// it registers its own URL at start, the emulator's CRC succeeds, deliveries arrive, and /healthz says so.
/// </summary>
public sealed class SampleSelfRegistrationTests
{
    private const string Bearer = "sample-registration-bearer";

    [Fact]
    public async Task Sample_registers_its_url_at_start_receives_a_trigger_and_reports_healthy()
    {
        var directory = Directory.CreateTempSubdirectory("xwebhooks-sample-registration-").FullName;
        var eventsFile = Path.Combine(directory, "events.jsonl");
        await using var emulator = XEmulator.Create(new XEmulatorOptions
        {
            ConsumerSecret = SampleProcess.Secret,
            BearerToken = Bearer,
            Url = "http://127.0.0.1:0",
        });
        await emulator.StartAsync();

        var port = SampleProcess.FreePort();
        var publicUrl = $"http://127.0.0.1:{port}/webhooks/x";
        var sample = await SampleProcess.StartAsync(port, directory, new Dictionary<string, string>
        {
            ["XWebhooks__Inbox__Mode"] = "Inline",
            ["Sample__EventsFile"] = eventsFile,
            ["XWebhooks__PublicUrl"] = publicUrl,
            ["XWebhooks__Client__BaseAddress"] = emulator.BaseAddress.ToString(),
            ["XWebhooks__Client__BearerToken"] = Bearer,
        });
        try
        {
            // Registration runs in the background at start: wait until the emulator lists the URL as valid.
            using var x = new HttpClient { BaseAddress = emulator.BaseAddress };
            x.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Bearer);
            var registered = await Poll.ValueAsync(async () =>
            {
                var list = JsonNode.Parse(await x.GetStringAsync(new Uri("/2/webhooks", UriKind.Relative)));
                return (list?["data"] as JsonArray)?.FirstOrDefault(w =>
                    w?["url"]?.GetValue<string>() == publicUrl && w?["valid"]?.GetValue<bool>() == true);
            }, "the sample registered its webhook");
            Assert.NotNull(registered);

            var trigger = await CliRun.RunAsync("trigger", "post.create", "--emulator", emulator.BaseAddress.ToString());
            Assert.True(trigger.ExitCode == 0, trigger.ToString());
            var handled = await Poll.ValueAsync(() => SampleEventsFile.Read(eventsFile).FirstOrDefault(line => line.Type == "post.create").Type, "the sample handled the post.create");
            Assert.Equal("post.create", handled);

            using var http = new HttpClient();
            using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
            var report = await health.Content.ReadAsStringAsync();
            Assert.True(health.StatusCode == HttpStatusCode.OK, report);
            Assert.Equal("Healthy", report);
        }
        finally
        {
            sample.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }
}
