using System.Text.Json;
using System.Net;

namespace XWebhooks.Emulator.Tests;

public sealed class SubscriptionTests
{
    [Fact]
    public async Task Activity_subscriptions_are_created_listed_updated_and_deleted_in_xs_shapes()
    {
        await using var x = await EmulatorHarness.StartAsync();
        var id = await x.RegisterAsync();

        var (created, json) = await x.SendAsync(HttpMethod.Post, "/2/activity/subscriptions",
            $$"""{"event_type":"post.create","filter":{"user_id":"2244994945"},"tag":"posts","webhook_id":"{{id}}"}""");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var subscription = json.GetProperty("data").GetProperty("subscription");
        var subscriptionId = subscription.GetProperty("subscription_id").GetString()!;
        Assert.Equal(("post.create", "2244994945", "posts"), (subscription.GetProperty("event_type").GetString(), subscription.GetProperty("filter").GetProperty("user_id").GetString(), subscription.GetProperty("tag").GetString()));

        var (_, duplicate) = await x.SendAsync(HttpMethod.Post, "/2/activity/subscriptions",
            $$"""{"event_type":"post.create","filter":{"user_id":"2244994945"},"webhook_id":"{{id}}"}""");
        Assert.Equal("DuplicateSubscriptionFailed", XErrors.Reason(duplicate));

        var (_, updated) = await x.SendAsync(HttpMethod.Put, "/2/activity/subscriptions/" + subscriptionId, """{"tag":"renamed"}""");
        Assert.Equal("renamed", updated.GetProperty("data").GetProperty("subscription").GetProperty("tag").GetString());
        Assert.Equal(1, updated.GetProperty("data").GetProperty("total_subscriptions").GetInt32());

        var (_, list) = await x.SendAsync(HttpMethod.Get, "/2/activity/subscriptions");
        Assert.Equal(subscriptionId, Assert.Single(list.GetProperty("data").EnumerateArray()).GetProperty("subscription_id").GetString());

        var (_, deleted) = await x.SendAsync(HttpMethod.Delete, "/2/activity/subscriptions/" + subscriptionId);
        Assert.True(deleted.GetProperty("data").GetProperty("deleted").GetBoolean());
        var (missing, notFound) = await x.SendAsync(HttpMethod.Delete, "/2/activity/subscriptions/" + subscriptionId);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("SubscriptionNotFound", XErrors.Reason(notFound));
    }

    [Fact]
    public async Task Triggered_activity_event_goes_only_to_the_webhook_subscribed_to_it()
    {
        await using var x = await EmulatorHarness.StartAsync();
        await using var other = await ScriptedReceiver.StartAsync(EmulatorHarness.Secret);
        var subscribed = await x.RegisterAsync();
        var (_, second) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{other.Url}}"}""");
        var unsubscribed = second.GetProperty("data").GetProperty("id").GetString();
        await x.SendAsync(HttpMethod.Post, "/2/activity/subscriptions", $$"""{"event_type":"like.create","filter":{"user_id":"{{EmulatorHarness.UserId}}"},"webhook_id":"{{subscribed}}"}""", bearer: EmulatorHarness.UserToken);

        var liked = Assert.Single(await x.Emulator.TriggerAsync("like.create"));
        var posted = await x.Emulator.TriggerAsync("post.create"); // nobody subscribed: every webhook gets it

        Assert.Equal(subscribed, liked.WebhookId);
        Assert.Equal(new[] { subscribed, unsubscribed! }.Order(StringComparer.Ordinal), posted.Select(d => d.WebhookId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Account_activity_subscriptions_use_the_users_token_and_xs_shapes()
    {
        await using var x = await EmulatorHarness.StartAsync();
        var id = await x.RegisterAsync();
        var all = $"/2/account_activity/webhooks/{id}/subscriptions/all";

        var (appToken, refusal) = await x.SendAsync(HttpMethod.Post, all, "{}");
        Assert.Equal(HttpStatusCode.Forbidden, appToken.StatusCode);
        Assert.Equal("https://api.x.com/2/problems/unsupported-authentication", refusal.GetProperty("type").GetString());

        var (_, subscribed) = await x.SendAsync(HttpMethod.Post, all, "{}", bearer: EmulatorHarness.UserToken);
        Assert.True(subscribed.GetProperty("data").GetProperty("subscribed").GetBoolean());
        var (_, again) = await x.SendAsync(HttpMethod.Post, all, "{}", bearer: EmulatorHarness.UserToken);
        Assert.Equal("DuplicateSubscriptionFailed", XErrors.Reason(again));
        var (_, check) = await x.SendAsync(HttpMethod.Get, all, bearer: EmulatorHarness.UserToken);
        Assert.True(check.GetProperty("data").GetProperty("subscribed").GetBoolean());

        var (_, list) = await x.SendAsync(HttpMethod.Get, all + "/list");
        Assert.Equal(EmulatorHarness.UserId, Assert.Single(list.GetProperty("data").GetProperty("subscriptions").EnumerateArray()).GetProperty("user_id").GetString());
        var (_, count) = await x.SendAsync(HttpMethod.Get, "/2/account_activity/subscriptions/count");
        Assert.Equal("1", count.GetProperty("data").GetProperty("subscriptions_count_all").GetString());

        var (_, deleted) = await x.SendAsync(HttpMethod.Delete, $"/2/account_activity/webhooks/{id}/subscriptions/{EmulatorHarness.UserId}/all");
        Assert.False(deleted.GetProperty("data").GetProperty("subscribed").GetBoolean());
        var (_, notFound) = await x.SendAsync(HttpMethod.Delete, $"/2/account_activity/webhooks/{id}/subscriptions/{EmulatorHarness.UserId}/all");
        Assert.Equal("SubscriptionNotFound", XErrors.Reason(notFound));
    }

    [Fact]
    public async Task An_account_activity_event_goes_to_each_subscribed_user_as_for_user_id()
    {
        const string secondToken = "second-user-token";
        const string secondUser = "7000000000000000007";
        await using var x = await EmulatorHarness.StartAsync(o => o.UserTokens[secondToken] = secondUser);
        var id = await x.RegisterAsync();
        var all = $"/2/account_activity/webhooks/{id}/subscriptions/all";
        await x.SendAsync(HttpMethod.Post, all, "{}", bearer: EmulatorHarness.UserToken);
        await x.SendAsync(HttpMethod.Post, all, "{}", bearer: secondToken);

        var deliveries = await x.Emulator.TriggerAsync("favorite_events");

        var forUsers = deliveries.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("for_user_id").GetString());
        Assert.Equal(new[] { EmulatorHarness.UserId, secondUser }.Order(StringComparer.Ordinal), forUsers.Order(StringComparer.Ordinal));
        Assert.All(deliveries, d => Assert.Equal(id, d.WebhookId));
        var events = deliveries.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("favorite_events")[0].GetProperty("id").GetString()).Distinct();
        Assert.Single(events); // one event, told to each user it concerns
    }

    [Fact]
    public async Task Stream_links_are_provisioned_listed_with_their_fields_and_removed()
    {
        await using var x = await EmulatorHarness.StartAsync();
        var id = await x.RegisterAsync();

        var (_, linked) = await x.SendAsync(HttpMethod.Post, $"/2/tweets/search/webhooks/{id}?expansions=author_id&user.fields=username");
        Assert.True(linked.GetProperty("data").GetProperty("provisioned").GetBoolean());

        var (_, list) = await x.SendAsync(HttpMethod.Get, "/2/tweets/search/webhooks");
        var link = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal(id, link.GetProperty("webhook_id").GetString());
        Assert.Equal(["expansions=author_id", "user.fields=username"], link.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));

        var (_, deleted) = await x.SendAsync(HttpMethod.Delete, $"/2/tweets/search/webhooks/{id}");
        Assert.True(deleted.GetProperty("data").GetProperty("deleted").GetBoolean());
    }
}
