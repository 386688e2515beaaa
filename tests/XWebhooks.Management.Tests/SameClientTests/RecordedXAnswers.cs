using System.Net;

namespace XWebhooks.Management.Tests.SameClientTests;

/// <summary>
/// X's answers to <see cref="ClientScenario"/>'s calls, in order, as X's pages and spec show them. Each names its
/// source; where a page shows a placeholder (<c>&lt;webhook_id&gt;</c>) the value is the one the same page uses elsewhere.
/// </summary>
internal static class RecordedXAnswers
{
    public static readonly Uri WebhookUrl = new("https://yourdomain.com/webhooks/twitter");
    public const string UserId = "2244994945";

    public static StubHandler Queue() => new StubHandler()
        // docs.x.com/x-api/webhooks/quickstart, POST /2/webhooks success.
        .Ok("""{"data":{"id":"1234567890","url":"https://yourdomain.com/webhooks/twitter","valid":true,"created_at":"2025-01-15T12:00:00.000Z"}}""")
        // docs.x.com/x-api/webhooks/quickstart, "Failure (400 Bad Request)" with its DuplicateUrlFailed reason.
        .Respond(HttpStatusCode.BadRequest, """{"errors":[{"message":"DuplicateUrlFailed: A webhook is already registered by your application for the provided callback URL."}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}""")
        // docs.x.com/x-api/webhooks/quickstart, GET /2/webhooks with one webhook.
        .Ok("""{"data":[{"created_at":"2025-01-15T12:00:00.000Z","id":"1234567890","url":"https://yourdomain.com/webhooks/twitter","valid":true}],"meta":{"result_count":1}}""")
        // docs.x.com/x-api/webhooks/quickstart, PUT /2/webhooks/:id success.
        .Ok("""{"data":{"valid":true}}""")
        // X's spec (@xdevplatform/xdk 0.6.6 CreateWebhooksStreamLinkResponse, GetWebhooksStreamLinksResponse, DeleteWebhooksStreamLinkResponse).
        .Ok("""{"data":{"provisioned":true}}""")
        .Ok("""{"data":[{"application_id":"29893711","business_user_id":"2244994945","created_at":"2025-01-15T12:00:00.000Z","fields":[],"instance_id":"1","webhook_id":"1234567890"}]}""")
        .Ok("""{"data":{"deleted":true}}""")
        // docs.x.com/x-api/activity/quickstart create example, in the spec's data.subscription wrapper (xdk CreateActivitySubscriptionResponse).
        .Ok("""{"data":{"subscription":{"subscription_id":"1976341234567890","event_type":"profile.update.bio","filter":{"user_id":"2244994945"},"created_at":"2025-10-09T16:35:08.000Z","updated_at":"2025-10-09T16:35:08.000Z","tag":"bio","webhook_id":"1234567890"}}}""")
        // docs.x.com/x-api/activity/quickstart, list example.
        .Ok("""{"data":[{"subscription_id":"1976341234567890","event_type":"profile.update.bio","filter":{"user_id":"2244994945"},"created_at":"2025-10-09T16:35:08.000Z","updated_at":"2025-10-09T16:35:08.000Z","tag":"bio","webhook_id":"1234567890"}],"meta":{"total_subscriptions":1}}""")
        // X's spec (xdk UpdateActivitySubscriptionResponse): data.subscription and data.total_subscriptions.
        .Ok("""{"data":{"subscription":{"subscription_id":"1976341234567890","event_type":"profile.update.bio","filter":{"user_id":"2244994945"},"created_at":"2025-10-09T16:35:08.000Z","updated_at":"2025-10-09T16:40:00.000Z","tag":"renamed","webhook_id":"1234567890"},"total_subscriptions":1}}""")
        // docs.x.com/x-api/activity/quickstart, delete example.
        .Ok("""{"data":{"deleted":true},"meta":{"total_subscriptions":0}}""")
        // docs.x.com/x-api/account-activity/quickstart: subscribe, check, list, count, delete.
        .Ok("""{"data":{"subscribed":true}}""")
        .Ok("""{"data":{"subscribed":true}}""")
        .Ok("""{"data":{"application_id":"29893711","webhook_id":"1234567890","webhook_url":"https://yourdomain.com/webhooks/twitter","subscriptions":[{"user_id":"2244994945"}]}}""")
        .Ok("""{"data":{"account_name":"my-account","provisioned_count":"3","subscriptions_count_all":"1","subscriptions_count_direct_messages":"0"}}""")
        .Ok("""{"data":{"subscribed":false}}""")
        // X's spec (xdk CreateWebhookReplayJobResponse), with the values of docs.x.com/x-api/webhooks/create-replay-job-for-webhook.
        .Ok("""{"data":{"job_id":"1915510368169844736","created_at":"2025-04-24T20:57:15.242Z"}}""")
        // docs.x.com/x-api/webhooks/quickstart, DELETE /2/webhooks/:id success.
        .Ok("""{"data":{"deleted":true}}""");
}
