using System.Net;

namespace XWebhooks.Management.Tests.SameClientTests;

/// <summary>
/// One pass of the management client through every kind of call, with the checks a caller relies on. Run against the
/// emulator and against <see cref="RecordedXAnswers"/>: both must satisfy the same client.
/// </summary>
internal static class ClientScenario
{
    public static async Task RunAsync(XWebhooksClient client, Uri webhookUrl, string userToken, string userId)
    {
        var webhook = await client.CreateWebhookAsync(webhookUrl);
        Assert.Matches("^[0-9]{1,19}$", webhook.Id);
        Assert.Equal(webhookUrl.ToString(), webhook.Url);
        Assert.True(webhook.Valid);
        var duplicate = await Assert.ThrowsAsync<XApiException>(() => client.CreateWebhookAsync(webhookUrl));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal([XApiErrorReason.DuplicateUrlFailed], duplicate.Reasons);
        Assert.Equal(webhook.Id, Assert.Single(await client.ListWebhooksAsync()).Id);
        Assert.True(await client.ValidateWebhookAsync(webhook.Id));

        Assert.True(await client.LinkFilteredStreamAsync(webhook.Id));
        Assert.Equal(webhook.Id, Assert.Single(await client.ListFilteredStreamLinksAsync()).WebhookId);
        await client.UnlinkFilteredStreamAsync(webhook.Id);

        var bio = await client.CreateActivitySubscriptionAsync(new XActivitySubscriptionRequest("profile.update.bio", XActivitySubscriptionFilter.ForUser("2244994945"), "bio", webhook.Id));
        Assert.Equal(("profile.update.bio", "2244994945", "bio", webhook.Id), (bio.EventType, bio.Filter.UserId, bio.Tag, bio.WebhookId));
        var page = await client.ListActivitySubscriptionsAsync();
        Assert.Equal(bio.SubscriptionId, Assert.Single(page.Subscriptions).SubscriptionId);
        Assert.Equal(1, page.TotalSubscriptions);
        Assert.Null(page.NextToken);
        var updated = await client.UpdateActivitySubscriptionAsync(bio.SubscriptionId, tag: "renamed");
        Assert.Equal((bio.SubscriptionId, "renamed", 1), (updated.Subscription.SubscriptionId, updated.Subscription.Tag, updated.TotalSubscriptions));
        await client.DeleteActivitySubscriptionAsync(bio.SubscriptionId);

        await client.SubscribeAccountActivityAsync(webhook.Id, userToken);
        Assert.True(await client.IsAccountActivitySubscribedAsync(webhook.Id, userToken));
        Assert.Equal([userId], (await client.ListAccountActivitySubscriptionsAsync(webhook.Id)).UserIds);
        Assert.Equal(1, (await client.CountAccountActivitySubscriptionsAsync()).SubscriptionsCountAll);
        await client.DeleteAccountActivitySubscriptionAsync(webhook.Id, userId);

        var now = DateTimeOffset.UtcNow;
        var job = await client.CreateReplayJobAsync(webhook.Id, now.AddHours(-1), now.AddMinutes(-30));
        Assert.Matches("^[0-9]{1,19}$", job.JobId);
        Assert.NotNull(job.CreatedAt);
        await client.DeleteWebhookAsync(webhook.Id);
    }
}
