using System.Net;

namespace XWebhooks.Management.Tests;

/// <summary>X Activity, Account Activity and stream-link calls against the local X emulator.</summary>
public sealed class EmulatorSubscriptionTests
{
    [Fact]
    public async Task Activity_subscriptions_create_list_pages_update_delete()
    {
        await using var x = await EmulatedX.StartAsync();
        var client = x.Client();
        var webhook = await client.CreateWebhookAsync(x.Receiver.Url);

        var bio = await client.CreateActivitySubscriptionAsync(new XActivitySubscriptionRequest("profile.update.bio", XActivitySubscriptionFilter.ForUser("2244994945"), "bios", webhook.Id));
        var likes = await client.CreateActivitySubscriptionAsync(new XActivitySubscriptionRequest("like.create", new XActivitySubscriptionFilter(EmulatedX.UserId, Direction: "inbound")), EmulatedX.UserToken);
        Assert.Equal("profile.update.bio", bio.EventType);
        Assert.Equal("2244994945", bio.Filter.UserId);
        Assert.Equal("bios", bio.Tag);
        Assert.Equal(webhook.Id, bio.WebhookId);
        Assert.Equal("inbound", likes.Filter.Direction);
        Assert.Null(likes.WebhookId);

        var first = await client.ListActivitySubscriptionsAsync(maxResults: 1);
        Assert.Single(first.Subscriptions);
        Assert.NotNull(first.NextToken);
        Assert.Equal(2, first.TotalSubscriptions);
        var all = await client.ListAllActivitySubscriptionsAsync();
        Assert.Equal(new[] { bio.SubscriptionId, likes.SubscriptionId }.Order(), all.Select(s => s.SubscriptionId).Order());

        var updated = await client.UpdateActivitySubscriptionAsync(likes.SubscriptionId, tag: "likes", webhookId: webhook.Id);
        Assert.Equal("likes", updated.Subscription.Tag);
        Assert.Equal(webhook.Id, updated.Subscription.WebhookId);
        Assert.Equal("like.create", updated.Subscription.EventType);
        Assert.Equal(2, updated.TotalSubscriptions);

        await client.DeleteActivitySubscriptionAsync(bio.SubscriptionId);
        Assert.Equal([likes.SubscriptionId], (await client.ListAllActivitySubscriptionsAsync()).Select(s => s.SubscriptionId));
        var gone = await Assert.ThrowsAsync<XApiException>(() => client.DeleteActivitySubscriptionAsync(bio.SubscriptionId));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.True(gone.HasReason(XApiErrorReason.SubscriptionNotFound), gone.Message);
    }

    [Fact]
    public async Task Activity_subscriptions_bulk_delete_removes_what_exists_and_reports_the_rest()
    {
        await using var x = await EmulatedX.StartAsync();
        var client = x.Client();
        var posts = await client.CreateActivitySubscriptionAsync(new XActivitySubscriptionRequest("post.create", XActivitySubscriptionFilter.ForUser("1")));
        var bios = await client.CreateActivitySubscriptionAsync(new XActivitySubscriptionRequest("profile.update.bio", XActivitySubscriptionFilter.ForUser("1")));
        var kept = await client.CreateActivitySubscriptionAsync(new XActivitySubscriptionRequest("post.delete", XActivitySubscriptionFilter.ForUser("1")));

        var failures = await client.DeleteActivitySubscriptionsAsync([posts.SubscriptionId, "404404", bios.SubscriptionId]);

        var failure = Assert.Single(failures);
        Assert.Equal("404404", failure.SubscriptionId);
        Assert.Equal("SubscriptionNotFound", failure.Reason);
        Assert.Equal([kept.SubscriptionId], (await client.ListAllActivitySubscriptionsAsync()).Select(s => s.SubscriptionId));
        Assert.Empty(await client.DeleteActivitySubscriptionsAsync([kept.SubscriptionId]));
        Assert.Empty(await client.ListAllActivitySubscriptionsAsync());
    }

    [Fact]
    public async Task Subscriptions_past_the_app_limit_are_refused_with_SubscriptionLimitExceeded()
    {
        await using var x = await EmulatedX.StartAsync(o =>
        {
            o.MaxActivitySubscriptions = 1;
            o.MaxAccountActivitySubscriptions = 0;
        });
        var client = x.Client();
        var webhook = await client.CreateWebhookAsync(x.Receiver.Url);
        await client.CreateActivitySubscriptionAsync(new XActivitySubscriptionRequest("post.create", XActivitySubscriptionFilter.ForUser("1")));

        var activity = await Assert.ThrowsAsync<XApiException>(() =>
            client.CreateActivitySubscriptionAsync(new XActivitySubscriptionRequest("post.delete", XActivitySubscriptionFilter.ForUser("1"))));
        var account = await Assert.ThrowsAsync<XApiException>(() => client.SubscribeAccountActivityAsync(webhook.Id, EmulatedX.UserToken));

        Assert.True(activity.HasReason(XApiErrorReason.SubscriptionLimitExceeded), activity.Message);
        Assert.Equal(HttpStatusCode.BadRequest, activity.StatusCode);
        Assert.True(account.HasReason(XApiErrorReason.SubscriptionLimitExceeded), account.Message);
        Assert.False(await client.IsAccountActivitySubscribedAsync(webhook.Id, EmulatedX.UserToken));
    }

    [Fact]
    public async Task Activity_subscription_refusals_carry_their_reasons()
    {
        await using var x = await EmulatedX.StartAsync();
        var client = x.Client();
        var request = new XActivitySubscriptionRequest("post.create", XActivitySubscriptionFilter.ForUser("1"));
        await client.CreateActivitySubscriptionAsync(request);

        var duplicate = await Assert.ThrowsAsync<XApiException>(() => client.CreateActivitySubscriptionAsync(request));
        Assert.True(duplicate.HasReason(XApiErrorReason.DuplicateSubscriptionFailed), duplicate.Message);

        var badWebhook = await Assert.ThrowsAsync<XApiException>(() => client.CreateActivitySubscriptionAsync(request with { WebhookId = "999" }));
        Assert.True(badWebhook.HasReason(XApiErrorReason.WebhookIdInvalid), badWebhook.Message);

        var unknown = await Assert.ThrowsAsync<XApiException>(() => client.UpdateActivitySubscriptionAsync("999", tag: "t"));
        Assert.True(unknown.HasReason(XApiErrorReason.SubscriptionNotFound), unknown.Message);
    }

    [Fact]
    public async Task Account_activity_subscribe_check_list_count_delete()
    {
        await using var x = await EmulatedX.StartAsync();
        var client = x.Client();
        var webhook = await client.CreateWebhookAsync(x.Receiver.Url);

        Assert.False(await client.IsAccountActivitySubscribedAsync(webhook.Id, EmulatedX.UserToken));
        await client.SubscribeAccountActivityAsync(webhook.Id, EmulatedX.UserToken);
        Assert.True(await client.IsAccountActivitySubscribedAsync(webhook.Id, EmulatedX.UserToken));

        var duplicate = await Assert.ThrowsAsync<XApiException>(() => client.SubscribeAccountActivityAsync(webhook.Id, EmulatedX.UserToken));
        Assert.True(duplicate.HasReason(XApiErrorReason.DuplicateSubscriptionFailed), duplicate.Message);

        var list = await client.ListAccountActivitySubscriptionsAsync(webhook.Id);
        Assert.Equal([EmulatedX.UserId], list.UserIds);
        Assert.Equal(webhook.Id, list.WebhookId);

        var count = await client.CountAccountActivitySubscriptionsAsync();
        Assert.Equal(1, count.SubscriptionsCountAll);
        Assert.NotNull(count.ProvisionedCount);

        await client.DeleteAccountActivitySubscriptionAsync(webhook.Id, EmulatedX.UserId);
        Assert.Empty((await client.ListAccountActivitySubscriptionsAsync(webhook.Id)).UserIds);
        var notFound = await Assert.ThrowsAsync<XApiException>(() => client.DeleteAccountActivitySubscriptionAsync(webhook.Id, EmulatedX.UserId));
        Assert.True(notFound.HasReason(XApiErrorReason.SubscriptionNotFound), notFound.Message);
    }

    [Fact]
    public async Task Account_activity_with_an_unknown_user_token_or_webhook_is_refused()
    {
        await using var x = await EmulatedX.StartAsync();
        var client = x.Client();
        var webhook = await client.CreateWebhookAsync(x.Receiver.Url);

        var unauthorized = await Assert.ThrowsAsync<XApiException>(() => client.SubscribeAccountActivityAsync(webhook.Id, "not-a-user-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);

        var badWebhook = await Assert.ThrowsAsync<XApiException>(() => client.SubscribeAccountActivityAsync("999", EmulatedX.UserToken));
        Assert.True(badWebhook.HasReason(XApiErrorReason.WebhookIdInvalid), badWebhook.Message);
    }

    [Fact]
    public async Task Stream_links_link_list_unlink()
    {
        await using var x = await EmulatedX.StartAsync();
        var client = x.Client();
        var webhook = await client.CreateWebhookAsync(x.Receiver.Url);

        Assert.True(await client.LinkFilteredStreamAsync(webhook.Id, new XStreamLinkFields { Expansions = "author_id", UserFields = "username" }));

        var link = Assert.Single(await client.ListFilteredStreamLinksAsync());
        Assert.Equal(webhook.Id, link.WebhookId);
        Assert.Contains(link.Fields, f => f.Contains("author_id", StringComparison.Ordinal));
        Assert.Contains(link.Fields, f => f.Contains("username", StringComparison.Ordinal));

        await client.UnlinkFilteredStreamAsync(webhook.Id);
        Assert.Empty(await client.ListFilteredStreamLinksAsync());
    }

    [Fact]
    public async Task Subscription_endpoints_answer_429_past_their_limit()
    {
        await using var x = await EmulatedX.StartAsync(o => o.SubscriptionRequestsPerWindow = 1);
        var client = x.Client();
        await client.ListActivitySubscriptionsAsync();

        var error = await Assert.ThrowsAsync<XRateLimitExceededException>(() => client.ListActivitySubscriptionsAsync());

        Assert.NotNull(error.ResetAt);
        Assert.Equal(1, error.RateLimit?.Limit);
    }
}
