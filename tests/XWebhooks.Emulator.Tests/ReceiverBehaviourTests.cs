using System.Globalization;
using System.Text.Json;

namespace XWebhooks.Emulator.Tests;

/// <summary>How the emulator treats receivers that misbehave, URLs X would refuse, and replays of what did not go well.</summary>
public sealed class ReceiverBehaviourTests
{
    private static string Minute(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    private static void AssertReason(HttpResponseMessage response, JsonElement json, string reason, int status = 400)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(reason, XErrors.Reason(json));
        Assert.Equal("https://api.x.com/2/problems/invalid-request", json.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("http://example.com/webhooks/x")]          // not https
    [InlineData("https://example.com:8443/webhooks/x")]    // a port
    [InlineData("ftp://example.com/webhooks/x")]
    [InlineData("/webhooks/x")]                            // not absolute
    [InlineData("")]
    public async Task Urls_x_refuses_are_UrlValidationFailed(string url)
    {
        await using var x = await EmulatorHarness.StartAsync();

        var (response, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = url }));

        AssertReason(response, json, "UrlValidationFailed");
    }

    [Fact]
    public async Task A_url_over_200_characters_is_refused_even_on_this_machine()
    {
        await using var x = await EmulatorHarness.StartAsync();

        var (response, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{x.Receiver.Url}}?{{new string('a', 200)}}"}""");

        AssertReason(response, json, "UrlValidationFailed");
        Assert.Empty(x.Receiver.Posts);
    }

    [Fact]
    public async Task A_crc_answered_with_a_redirect_fails_as_at_x()
    {
        await using var x = await EmulatorHarness.StartAsync();
        x.Receiver.RedirectCrc = true;

        var (response, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{x.Receiver.Url}}"}""");

        AssertReason(response, json, "CrcValidationFailed");
        Assert.Contains("302", XErrors.Message(json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_where_nothing_listens_fails_the_crc()
    {
        await using var x = await EmulatorHarness.StartAsync();

        // Port 9 (discard) on loopback: nothing listens there on a test machine.
        var (response, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", """{"url":"http://127.0.0.1:9/webhooks/x"}""");

        AssertReason(response, json, "CrcValidationFailed");
    }

    [Fact]
    public async Task A_receiver_slower_than_the_delivery_timeout_is_a_failed_attempt()
    {
        await using var x = await EmulatorHarness.StartAsync(o =>
        {
            o.DeliveryTimeout = TimeSpan.FromMilliseconds(300);
            o.RetryDelays = [];
        });
        await x.RegisterAsync();
        x.Receiver.PostDelay = TimeSpan.FromSeconds(30);

        var started = Assert.Single(await x.Emulator.TriggerAsync("post.create"));
        var failed = await x.WaitForAsync(started.Id, d => d.State != XEmulatorDeliveryState.Pending);

        Assert.Equal(XEmulatorDeliveryState.Failed, failed.State);
        var attempt = Assert.Single(failed.Attempts);
        Assert.Null(attempt.Status);
        Assert.Contains("no answer within", attempt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_webhook_stops_its_retries()
    {
        await using var x = await EmulatorHarness.StartAsync(o => o.RetryDelays = [TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500)]);
        var id = await x.RegisterAsync();
        x.Receiver.PostStatus = 500;

        var started = Assert.Single(await x.Emulator.TriggerAsync("post.create"));
        await Poll.UntilAsync(() => x.Receiver.Posts.Count == 1, "the first attempt arrived");
        var (deleted, _) = await x.SendAsync(HttpMethod.Delete, "/2/webhooks/" + id);
        Assert.Equal(200, (int)deleted.StatusCode);

        var ended = await x.WaitForAsync(started.Id, d => d.State != XEmulatorDeliveryState.Pending);
        Assert.Equal(XEmulatorDeliveryState.Failed, ended.State);
        Assert.Single(ended.Attempts);
        Assert.Single(x.Receiver.Posts);
    }

    [Fact]
    public async Task Replay_resends_failed_and_skipped_events_too_and_reports_Incomplete_when_the_receiver_still_fails()
    {
        await using var x = await EmulatorHarness.StartAsync(o => o.RetryDelays = []);
        var id = await x.RegisterAsync();

        // A failed delivery (500) and a skipped one (webhook invalid): both were "attempted", so X replays them.
        x.Receiver.PostStatus = 500;
        var failed = Assert.Single(await x.Emulator.TriggerAsync("post.create"));
        await x.WaitForAsync(failed.Id, d => d.State == XEmulatorDeliveryState.Failed);
        x.Receiver.AnswerCrcCorrectly = false;
        var (put, _) = await x.SendAsync(HttpMethod.Put, "/2/webhooks/" + id);
        Assert.Equal(400, (int)put.StatusCode);
        var skipped = Assert.Single(await x.Emulator.TriggerAsync("like.create"));
        Assert.Equal(XEmulatorDeliveryState.Skipped, skipped.State);
        x.Receiver.AnswerCrcCorrectly = true;
        var (revalidated, _) = await x.SendAsync(HttpMethod.Put, "/2/webhooks/" + id);
        Assert.Equal(200, (int)revalidated.StatusCode);

        var now = DateTimeOffset.UtcNow;
        var (response, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks/replay", $$"""{"webhook_id":"{{id}}","from_date":"{{Minute(now.AddMinutes(-2))}}","to_date":"{{Minute(now)}}"}""");
        Assert.Equal(200, (int)response.StatusCode);
        var jobId = json.GetProperty("data").GetProperty("job_id").GetString();

        // The receiver still answers 500: the replayed events fail, the job is Incomplete.
        await Poll.UntilAsync(() => x.Receiver.Posts.Count == 4, "two replayed events and the status arrived");
        var posts = x.Receiver.Posts.ToList();
        Assert.All(posts, post => Assert.True(post.SignatureValid));
        Assert.Equal(failed.Body, posts[1].Body);
        Assert.Equal(skipped.Body, posts[2].Body);
        using var status = JsonDocument.Parse(posts[3].Body);
        var job = status.RootElement.GetProperty("replay_job_status");
        Assert.Equal("Incomplete", job.GetProperty("job_state").GetString());
        Assert.Equal(jobId, job.GetProperty("job_id").GetString());
        Assert.Equal(id, job.GetProperty("webhook_id").GetString());
    }

    [Fact]
    public async Task One_trigger_is_one_event_every_webhook_gets_byte_for_byte()
    {
        await using var x = await EmulatorHarness.StartAsync();
        await using var second = await ScriptedReceiver.StartAsync(EmulatorHarness.Secret);
        await x.RegisterAsync();
        var (registered, _) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{second.Url}}"}""");
        Assert.Equal(200, (int)registered.StatusCode);

        var deliveries = await x.Emulator.TriggerAsync("post.create");

        Assert.Equal(2, deliveries.Count);
        Assert.Equal(deliveries[0].Body, deliveries[1].Body);
        await Poll.UntilAsync(() => x.Receiver.Posts.Count == 1 && second.Posts.Count == 1, "both webhooks got the event");
        Assert.Equal(Assert.Single(x.Receiver.Posts).Body, Assert.Single(second.Posts).Body);
    }

    [Fact]
    public async Task Rate_limit_windows_reset_and_replay_has_its_own_limit()
    {
        await using var x = await EmulatorHarness.StartAsync(o =>
        {
            o.WebhookRequestsPerWindow = 1;
            o.ReplayRequestsPerWindow = 1;
            o.RateLimitWindow = TimeSpan.FromMilliseconds(500);
        });

        Assert.Equal(200, (int)(await x.SendAsync(HttpMethod.Get, "/2/webhooks")).Response.StatusCode);
        var (over, _) = await x.SendAsync(HttpMethod.Get, "/2/webhooks");
        Assert.Equal(429, (int)over.StatusCode);

        var (replay, _) = await x.SendAsync(HttpMethod.Post, "/2/webhooks/replay", "{}");
        Assert.Equal("1", replay.Headers.GetValues("x-rate-limit-limit").Single());
        Assert.Equal(400, (int)replay.StatusCode);

        await Task.Delay(700);
        var (again, _) = await x.SendAsync(HttpMethod.Get, "/2/webhooks");
        Assert.Equal(200, (int)again.StatusCode);
        Assert.Equal("0", again.Headers.GetValues("x-rate-limit-remaining").Single());
    }
}
