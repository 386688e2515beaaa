using XWebhooks.Management;

namespace XWebhooks.Emulator.Tests;

/// <summary>The library's own management client (<see cref="XWebhooksClient"/>) against the emulator: every call, refusals and 429.</summary>
public sealed class ManagementClientTests
{
    private static XWebhooksClient Client(EmulatorHarness x, HttpClient http, string? token = null) =>
        new(http, new XWebhooksClientOptions { BearerToken = token ?? EmulatorHarness.Token, BaseAddress = x.Emulator.BaseAddress });

    [Fact]
    public async Task Webhook_calls_and_replay_work_and_refusals_carry_xs_reasons()
    {
        await using var x = await EmulatorHarness.StartAsync();
        using var http = new HttpClient();
        var client = Client(x, http);

        var webhook = await client.CreateWebhookAsync(x.Receiver.Url);
        Assert.True(webhook.Valid);
        Assert.Equal(x.Receiver.Url.AbsoluteUri, webhook.Url);
        Assert.NotNull(webhook.CreatedAt);
        Assert.Equal(webhook.Id, Assert.Single(await client.ListWebhooksAsync()).Id);
        Assert.NotNull(client.LastRateLimit);

        var duplicate = await Assert.ThrowsAsync<XApiException>(() => client.CreateWebhookAsync(x.Receiver.Url));
        Assert.True(duplicate.HasReason(XApiErrorReason.DuplicateUrlFailed));

        x.Receiver.AnswerCrcCorrectly = false;
        Assert.False(await client.ValidateWebhookAsync(webhook.Id)); // the client turns CrcValidationFailed into false
        Assert.False(Assert.Single(await client.ListWebhooksAsync()).Valid);
        x.Receiver.AnswerCrcCorrectly = true;
        Assert.True(await client.ValidateWebhookAsync(webhook.Id));

        var delivery = Assert.Single(await x.Emulator.TriggerAsync("post.create"));
        await x.WaitForAsync(delivery.Id, d => d.State == XEmulatorDeliveryState.Delivered);
        var now = DateTimeOffset.UtcNow;
        var job = await client.CreateReplayJobAsync(webhook.Id, now.AddMinutes(-5), now);
        Assert.False(string.IsNullOrEmpty(job.JobId));
        await Poll.UntilAsync(() => x.Receiver.Posts.Count == 3, "the replayed event and the status arrived");

        var tooOld = await Assert.ThrowsAsync<XApiException>(() => client.CreateReplayJobAsync(webhook.Id, now.AddDays(-2), now));
        Assert.True(tooOld.HasReason(XApiErrorReason.QueryParamInvalid));

        await client.DeleteWebhookAsync(webhook.Id);
        Assert.Empty(await client.ListWebhooksAsync());
        var gone = await Assert.ThrowsAsync<XApiException>(() => client.DeleteWebhookAsync(webhook.Id));
        Assert.True(gone.HasReason(XApiErrorReason.WebhookIdInvalid));
    }

    [Fact]
    public async Task Subscriptions_and_stream_links_round_trip_through_the_client()
    {
        await using var x = await EmulatorHarness.StartAsync();
        using var http = new HttpClient();
        var client = Client(x, http);
        var webhookId = await x.RegisterAsync();

        var created = await client.CreateActivitySubscriptionAsync(new XActivitySubscriptionRequest("profile.update.bio", new XActivitySubscriptionFilter(UserId: "2244994945"), "bios", webhookId));
        Assert.Equal("profile.update.bio", created.EventType);
        Assert.Equal("2244994945", created.Filter.UserId);
        Assert.Equal(webhookId, created.WebhookId);
        Assert.Equal(created.SubscriptionId, Assert.Single(await client.ListAllActivitySubscriptionsAsync()).SubscriptionId);
        var updated = await client.UpdateActivitySubscriptionAsync(created.SubscriptionId, tag: "renamed");
        Assert.Equal("renamed", updated.Subscription.Tag);
        Assert.Equal(1, updated.TotalSubscriptions);
        await client.DeleteActivitySubscriptionAsync(created.SubscriptionId);
        Assert.Empty(await client.ListAllActivitySubscriptionsAsync());

        await client.SubscribeAccountActivityAsync(webhookId, EmulatorHarness.UserToken);
        Assert.True(await client.IsAccountActivitySubscribedAsync(webhookId, EmulatorHarness.UserToken));
        Assert.Equal([EmulatorHarness.UserId], (await client.ListAccountActivitySubscriptionsAsync(webhookId)).UserIds);
        Assert.Equal(1, (await client.CountAccountActivitySubscriptionsAsync()).SubscriptionsCountAll);
        var twice = await Assert.ThrowsAsync<XApiException>(() => client.SubscribeAccountActivityAsync(webhookId, EmulatorHarness.UserToken));
        Assert.True(twice.HasReason(XApiErrorReason.DuplicateSubscriptionFailed));
        await client.DeleteAccountActivitySubscriptionAsync(webhookId, EmulatorHarness.UserId);
        Assert.Empty((await client.ListAccountActivitySubscriptionsAsync(webhookId)).UserIds);

        Assert.True(await client.LinkFilteredStreamAsync(webhookId, new XStreamLinkFields { Expansions = "author_id" }));
        var link = Assert.Single(await client.ListFilteredStreamLinksAsync());
        Assert.Equal(webhookId, link.WebhookId);
        Assert.Contains(link.Fields, field => field.Contains("author_id", StringComparison.Ordinal));
        await client.UnlinkFilteredStreamAsync(webhookId);
        Assert.Empty(await client.ListFilteredStreamLinksAsync());
    }

    [Fact]
    public async Task The_client_sees_429_as_XRateLimitExceededException_with_the_reset_time()
    {
        await using var x = await EmulatorHarness.StartAsync(o => o.WebhookRequestsPerWindow = 1);
        using var http = new HttpClient();
        var client = Client(x, http);

        await client.ListWebhooksAsync();
        var limited = await Assert.ThrowsAsync<XRateLimitExceededException>(() => client.ListWebhooksAsync());

        Assert.NotNull(limited.ResetAt);
        Assert.True(limited.ResetAt > DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.Equal(0, limited.RateLimit!.Remaining);
    }

    [Fact]
    public async Task A_wrong_token_is_an_XApiException_401()
    {
        await using var x = await EmulatorHarness.StartAsync();
        using var http = new HttpClient();

        var refused = await Assert.ThrowsAsync<XApiException>(() => Client(x, http, "not-the-token").ListWebhooksAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
