using System.Globalization;
using System.Text.Json;

namespace XWebhooks.Emulator.Tests;

/// <summary>The emulator against a real XWebhooks receiver (AddXWebhooks, MapXWebhooks, generated dispatcher, signature checks).</summary>
public sealed class LibraryReceiverTests
{
    private static string Minute(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    private static async Task<string> RegisterAsync(EmulatorHarness x, Uri url)
    {
        var (response, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{url}}"}""");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(json.GetProperty("data").GetProperty("valid").GetBoolean());
        return json.GetProperty("data").GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Triggered_events_of_every_product_reach_the_handlers_of_a_real_receiver()
    {
        await using var receiver = await HandledEvents.StartReceiverAsync();
        await using var x = await EmulatorHarness.StartAsync();
        await RegisterAsync(x, receiver.Url);

        var expected = new List<(string, string?)>();
        foreach (var (kind, id) in new (string Kind, Func<JsonElement, string> Id)[]
        {
            ("post.create", body => body.GetProperty("data").GetProperty("event_uuid").GetString()!),
            ("favorite_events", body => body.GetProperty("favorite_events")[0].GetProperty("id").GetString()!),
            ("stream/post", body => body.GetProperty("data").GetProperty("id").GetString()!),
        })
        {
            var delivery = Assert.Single(await x.Emulator.TriggerAsync(kind));
            var done = await x.WaitForAsync(delivery.Id, d => d.State != XEmulatorDeliveryState.Pending);

            // The receiver answers 401 to a bad signature, so Delivered also proves the signature verified.
            Assert.Equal(XEmulatorDeliveryState.Delivered, done.State);
            using var document = JsonDocument.Parse(done.Body);
            expected.Add((kind, id(document.RootElement)));
        }

        await Poll.UntilAsync(() => HandledEvents.Of(receiver).Calls.Count == 3, "the three handlers ran");
        Assert.Equal(expected, HandledEvents.Of(receiver).Calls.ToList());
    }

    [Fact]
    public async Task A_replay_reaches_the_handlers_again_and_ends_with_a_replay_job_status_event()
    {
        await using var receiver = await HandledEvents.StartReceiverAsync();
        await using var x = await EmulatorHarness.StartAsync();
        var webhookId = await RegisterAsync(x, receiver.Url);
        var delivery = Assert.Single(await x.Emulator.TriggerAsync("post.create"));
        await x.WaitForAsync(delivery.Id, d => d.State == XEmulatorDeliveryState.Delivered);

        var now = DateTimeOffset.UtcNow;
        var (response, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks/replay", $$"""{"webhook_id":"{{webhookId}}","from_date":"{{Minute(now.AddMinutes(-2))}}","to_date":"{{Minute(now)}}"}""");
        Assert.Equal(200, (int)response.StatusCode);
        var jobId = json.GetProperty("data").GetProperty("job_id").GetString();

        await Poll.UntilAsync(() => HandledEvents.Of(receiver).Calls.Any(c => c.Kind == "replay_job_status"), "the replay_job_status handler ran");
        var calls = HandledEvents.Of(receiver).Calls.ToList();
        Assert.Equal(("replay_job_status", jobId + "|Complete"), calls[^1]);

        // No dedupe store in this receiver: the replayed post.create (same event_uuid) reaches the handler again.
        var posts = calls.Where(c => c.Kind == "post.create").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0], posts[1]);
    }
}
