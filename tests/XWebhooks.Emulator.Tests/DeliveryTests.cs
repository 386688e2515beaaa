using System.Globalization;
using System.Net;
using System.Text.Json;

namespace XWebhooks.Emulator.Tests;

public sealed class DeliveryTests
{
    private static string EventUuid(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("data").GetProperty("event_uuid").GetString()!;
    }

    [Fact]
    public async Task Triggered_events_arrive_signed_with_fresh_ids()
    {
        await using var x = await EmulatorHarness.StartAsync();
        await x.RegisterAsync();

        var first = Assert.Single(await x.Emulator.TriggerAsync("post.create"));
        var second = Assert.Single(await x.Emulator.TriggerAsync("activity/post.create"));
        await x.WaitForAsync(first.Id, d => d.State == XEmulatorDeliveryState.Delivered);
        await x.WaitForAsync(second.Id, d => d.State == XEmulatorDeliveryState.Delivered);

        var posts = x.Receiver.Posts.ToArray();
        Assert.Equal(2, posts.Length);
        Assert.All(posts, post => Assert.True(post.SignatureValid));
        Assert.NotEqual(EventUuid(posts[0].Body), EventUuid(posts[1].Body));
        Assert.Equal(200, Assert.Single(x.Emulator.Deliveries.Single(d => d.Id == first.Id).Attempts).Status);
    }

    [Fact]
    public async Task Failing_receiver_is_retried_on_the_schedule_then_the_delivery_fails()
    {
        await using var x = await EmulatorHarness.StartAsync();
        await x.RegisterAsync();
        x.Receiver.PostStatus = 503;

        var started = Assert.Single(await x.Emulator.TriggerAsync("like.create"));
        var failed = await x.WaitForAsync(started.Id, d => d.State != XEmulatorDeliveryState.Pending);

        Assert.Equal(XEmulatorDeliveryState.Failed, failed.State);
        Assert.Equal(3, failed.Attempts.Count); // the first POST and one retry per RetryDelays entry
        Assert.All(failed.Attempts, attempt => Assert.Equal("status 503", attempt.Error));
        // The delays (50 + 100 ms) run on the timer's millisecond tick while At is read from the wall clock, so each
        // delay can end a fraction of a millisecond early by At (CI saw this once): allow 2 ms per delay.
        Assert.True(failed.Attempts[2].At - failed.Attempts[0].At >= TimeSpan.FromMilliseconds(146));
        Assert.Equal(3, x.Receiver.Posts.Count);
    }

    [Fact]
    public async Task Receiver_that_recovers_gets_the_retry()
    {
        await using var x = await EmulatorHarness.StartAsync(o => o.RetryDelays = [TimeSpan.FromMilliseconds(300)]);
        await x.RegisterAsync();
        x.Receiver.PostStatus = 500;

        var started = Assert.Single(await x.Emulator.TriggerAsync("favorite_events"));
        await Poll.UntilAsync(() => !x.Receiver.Posts.IsEmpty, "the first attempt arrived");
        x.Receiver.PostStatus = 200;
        var delivered = await x.WaitForAsync(started.Id, d => d.State != XEmulatorDeliveryState.Pending);

        Assert.Equal(XEmulatorDeliveryState.Delivered, delivered.State);
        Assert.Equal([500, 200], delivered.Attempts.Select(a => a.Status ?? 0));
    }

    [Fact]
    public async Task Control_api_triggers_and_refuses_unknown_kinds_and_missing_webhooks()
    {
        await using var x = await EmulatorHarness.StartAsync();

        var (none, noneJson) = await x.SendAsync(HttpMethod.Post, "/emulator/trigger", """{"event":"post.create"}""");
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Contains("No webhook is registered", XErrors.Message(noneJson), StringComparison.Ordinal);

        var id = await x.RegisterAsync();
        var (unknown, unknownJson) = await x.SendAsync(HttpMethod.Post, "/emulator/trigger", """{"event":"post.teleport"}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("activity/post.create", XErrors.Message(unknownJson), StringComparison.Ordinal);

        var (ok, json) = await x.SendAsync(HttpMethod.Post, "/emulator/trigger", """{"event":"stream/post"}""");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var delivery = Assert.Single(json.GetProperty("deliveries").EnumerateArray());
        Assert.Equal((id, "stream/post"), (delivery.GetProperty("webhook_id").GetString(), delivery.GetProperty("event").GetString()));
        await x.WaitForAsync(delivery.GetProperty("id").GetString()!, d => d.State == XEmulatorDeliveryState.Delivered);

        var (_, log) = await x.SendAsync(HttpMethod.Get, "/emulator/deliveries");
        Assert.Equal("Delivered", Assert.Single(log.GetProperty("deliveries").EnumerateArray()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Replay_resends_the_window_byte_for_byte_then_reports_completion()
    {
        await using var x = await EmulatorHarness.StartAsync();
        var id = await x.RegisterAsync();
        x.Receiver.PostStatus = 500; // X gives up on these: the replay is how they are recovered
        var missed = Assert.Single(await x.Emulator.TriggerAsync("post.create"));
        await x.WaitForAsync(missed.Id, d => d.State == XEmulatorDeliveryState.Failed);
        x.Receiver.PostStatus = 200;
        var before = x.Receiver.Posts.Count;

        var now = DateTimeOffset.UtcNow;
        var (response, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks/replay",
            $$"""{"webhook_id":"{{id}}","from_date":"{{Minute(now.AddMinutes(-5))}}","to_date":"{{Minute(now)}}"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jobId = json.GetProperty("data").GetProperty("job_id").GetString()!;
        await Poll.UntilAsync(() => x.Receiver.Posts.Count == before + 2, "the replayed event and the job status arrived");
        var posts = x.Receiver.Posts.Skip(before).ToArray();
        Assert.Equal(missed.Body, posts[0].Body);
        using var status = JsonDocument.Parse(posts[1].Body);
        var job = status.RootElement.GetProperty("replay_job_status");
        Assert.Equal((id, jobId, "Complete"), (job.GetProperty("webhook_id").GetString(), job.GetProperty("job_id").GetString(), job.GetProperty("job_state").GetString()));
        Assert.All(posts, post => Assert.True(post.SignatureValid));
        Assert.Contains(x.Emulator.Deliveries, d => d.IsReplay && d.EventKind == "activity/post.create" && d.State == XEmulatorDeliveryState.Delivered);
    }

    [Fact]
    public async Task Replay_refuses_bad_windows_unknown_webhooks_and_a_second_job()
    {
        await using var x = await EmulatorHarness.StartAsync(o => o.DeliveryTimeout = TimeSpan.FromSeconds(2));
        var id = await x.RegisterAsync();
        var now = DateTimeOffset.UtcNow;

        async Task<string?> Refusal(string webhookId, string from, string to)
        {
            var (_, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks/replay", $$"""{"webhook_id":"{{webhookId}}","from_date":"{{from}}","to_date":"{{to}}"}""");
            return json.TryGetProperty("errors", out _) ? XErrors.Reason(json) : null;
        }

        Assert.Equal("QueryParamInvalid", await Refusal(id, "2026-01-01", Minute(now)));
        Assert.Equal("QueryParamInvalid", await Refusal(id, Minute(now), Minute(now.AddMinutes(-5))));
        Assert.Equal("QueryParamInvalid", await Refusal(id, Minute(now.AddHours(-25)), Minute(now)));
        Assert.Equal("QueryParamInvalid", await Refusal(id, Minute(now), Minute(now.AddMinutes(10))));
        Assert.Equal("WebhookIdInvalid", await Refusal("42", Minute(now.AddMinutes(-5)), Minute(now)));

        // A job with something to re-send keeps running while the receiver is slow to answer.
        var original = Assert.Single(await x.Emulator.TriggerAsync("post.create"));
        await x.WaitForAsync(original.Id, d => d.State == XEmulatorDeliveryState.Delivered);
        x.Receiver.PostStatus = 500;
        Assert.Null(await Refusal(id, Minute(now.AddMinutes(-5)), Minute(DateTimeOffset.UtcNow)));
        Assert.Equal("ReplayConflictError", await Refusal(id, Minute(now.AddMinutes(-5)), Minute(DateTimeOffset.UtcNow)));
    }

    private static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
}
