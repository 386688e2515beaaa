using System.Net;

namespace XWebhooks.Management.Tests;

/// <summary>X Activity API subscription calls over the shapes of reference §5.2 and §9 item 16.</summary>
public sealed class SubscriptionParsingTests
{
    private const string Subscription = """{"subscription_id":"1976341234567890","event_type":"profile.update.bio","filter":{"user_id":"2244994945"},"created_at":"2025-10-09T16:35:08.000Z","updated_at":"2025-10-09T16:35:08.000Z","tag":"Xdevelopers' bio updates","webhook_id":"1976325569252868099"}""";

    private static readonly XActivitySubscription Expected = new(
        "1976341234567890",
        "profile.update.bio",
        new XActivitySubscriptionFilter("2244994945"),
        "Xdevelopers' bio updates",
        "1976325569252868099",
        new DateTimeOffset(2025, 10, 9, 16, 35, 8, TimeSpan.Zero),
        new DateTimeOffset(2025, 10, 9, 16, 35, 8, TimeSpan.Zero));

    [Theory]
    [InlineData("""{"data":{"subscription":""" + Subscription + "}}")] // X's spec (@xdevplatform/xdk 0.6.6 CreateActivitySubscriptionResponse): read first
    [InlineData("""{"data":""" + Subscription + "}")] // tolerated: docs.x.com/x-api/activity/quickstart, create example
    [InlineData("""{"data":[""" + Subscription + """],"meta":{"total_subscriptions":1}}""")] // tolerated: the same quickstart's first example
    public async Task Create_sends_the_documented_body_and_accepts_all_three_answer_shapes(string json)
    {
        var stub = new StubHandler().Ok(json);

        var created = await StubHandler.Client(stub).CreateActivitySubscriptionAsync(
            new XActivitySubscriptionRequest("profile.update.bio", XActivitySubscriptionFilter.ForUser("2244994945"), "Xdevelopers' bio updates", "1976325569252868099"));

        Assert.Equal(Expected, created);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/2/activity/subscriptions", request.Uri.AbsolutePath);
        Assert.Equal("""{"event_type":"profile.update.bio","filter":{"user_id":"2244994945"},"tag":"Xdevelopers\u0027 bio updates","webhook_id":"1976325569252868099"}""", request.Body);
        Assert.Equal("Bearer app-token", request.Authorization);
    }

    [Fact]
    public async Task Create_with_a_user_token_authenticates_as_the_user_and_omits_unset_fields()
    {
        var stub = new StubHandler().Ok("""{"data":{"subscription_id":"5","event_type":"like.create","filter":{"user_id":"1","direction":"inbound"}}}""");

        var created = await StubHandler.Client(stub).CreateActivitySubscriptionAsync(
            new XActivitySubscriptionRequest("like.create", new XActivitySubscriptionFilter("1", Direction: "inbound")), "user-token");

        Assert.Equal("inbound", created.Filter.Direction);
        Assert.Null(created.WebhookId);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("Bearer user-token", request.Authorization);
        Assert.Equal("""{"event_type":"like.create","filter":{"user_id":"1","direction":"inbound"}}""", request.Body);
    }

    [Fact]
    public async Task Create_errors_carry_subscription_reasons()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.Conflict, """{"errors":[{"title":"Conflict","detail":"DuplicateSubscriptionFailed"}]}""");

        var error = await Assert.ThrowsAsync<XApiException>(() => StubHandler.Client(stub).CreateActivitySubscriptionAsync(
            new XActivitySubscriptionRequest("post.create", XActivitySubscriptionFilter.ForUser("1"))));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal([XApiErrorReason.DuplicateSubscriptionFailed], error.Reasons);
    }

    [Fact]
    public async Task List_reads_a_page_with_its_token_and_total()
    {
        var stub = new StubHandler().Ok("""{"data":[""" + Subscription + """,{"subscription_id":"2","event_type":"news.new","filter":{"keyword":"ai"}}],"meta":{"total_subscriptions":"7","next_token":"abc"}}""");

        var page = await StubHandler.Client(stub).ListActivitySubscriptionsAsync(2, "prev token");

        Assert.Equal([Expected.SubscriptionId, "2"], page.Subscriptions.Select(s => s.SubscriptionId));
        Assert.Equal("ai", page.Subscriptions[1].Filter.Keyword);
        Assert.Equal("abc", page.NextToken);
        Assert.Equal(7, page.TotalSubscriptions);
        Assert.Equal("?max_results=2&pagination_token=prev%20token", Assert.Single(stub.Requests).Uri.Query);
    }

    [Fact]
    public async Task List_all_follows_next_tokens()
    {
        var stub = new StubHandler()
            .Ok("""{"data":[{"subscription_id":"1","event_type":"post.create","filter":{"user_id":"1"}}],"meta":{"next_token":"t2"}}""")
            .Ok("""{"data":[{"subscription_id":"2","event_type":"post.create","filter":{"user_id":"2"}}],"meta":{}}""");

        var all = await StubHandler.Client(stub).ListAllActivitySubscriptionsAsync();

        Assert.Equal(["1", "2"], all.Select(s => s.SubscriptionId));
        Assert.Equal(["?max_results=1000", "?max_results=1000&pagination_token=t2"], stub.Requests.Select(r => r.Uri.Query));
    }

    [Fact]
    public async Task List_without_data_is_an_empty_last_page()
    {
        var stub = new StubHandler().Ok("""{"meta":{"total_subscriptions":0}}""");

        var page = await StubHandler.Client(stub).ListActivitySubscriptionsAsync();

        Assert.Empty(page.Subscriptions);
        Assert.Null(page.NextToken);
        Assert.Equal("", Assert.Single(stub.Requests).Uri.Query);
    }

    [Theory]
    [InlineData("""{"data":{"subscription":""" + Subscription + ""","total_subscriptions":1}}""")] // X's spec (@xdevplatform/xdk 0.6.6 UpdateActivitySubscriptionResponse)
    [InlineData("""{"data":""" + Subscription + ""","meta":{"total_subscriptions":1}}""")] // docs.x.com/x-api/activity/quickstart, update example
    public async Task Update_puts_only_tag_and_webhook_and_reads_the_total(string json)
    {
        var stub = new StubHandler().Ok(json);

        var updated = await StubHandler.Client(stub).UpdateActivitySubscriptionAsync("1976341234567890", tag: "new tag");

        Assert.Equal(new XActivitySubscriptionUpdate(Expected, 1), updated);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("/2/activity/subscriptions/1976341234567890", request.Uri.AbsolutePath);
        Assert.Equal("""{"tag":"new tag"}""", request.Body);
    }

    [Fact]
    public async Task Update_needs_something_to_change()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => StubHandler.Client(new StubHandler()).UpdateActivitySubscriptionAsync("1"));
    }

    [Fact]
    public async Task Delete_sends_delete_and_reports_not_found()
    {
        var stub = new StubHandler()
            .Ok("""{"data":{"deleted":true},"meta":{"total_subscriptions":0}}""")
            .Respond(HttpStatusCode.NotFound, """{"errors":[{"title":"SubscriptionNotFound"}]}""");
        var client = StubHandler.Client(stub);

        await client.DeleteActivitySubscriptionAsync("7");
        var error = await Assert.ThrowsAsync<XApiException>(() => client.DeleteActivitySubscriptionAsync("8"));

        Assert.Equal(HttpMethod.Delete, stub.Requests[0].Method);
        Assert.Equal("/2/activity/subscriptions/7", stub.Requests[0].Uri.AbsolutePath);
        Assert.True(error.HasReason(XApiErrorReason.SubscriptionNotFound));
    }

    [Fact]
    public async Task Bulk_delete_returns_per_id_failures_from_a_success_answer()
    {
        var stub = new StubHandler().Ok("""{"data":{"deleted":true},"errors":[{"subscription_id":"9","reason":"SubscriptionNotFound","message":"not found"}]}""");

        var failures = await StubHandler.Client(stub).DeleteActivitySubscriptionsAsync(["7", "9"]);

        Assert.Equal([new XActivitySubscriptionDeleteFailure("9", "SubscriptionNotFound", "not found")], failures);
        Assert.Equal("?ids=7,9", Assert.Single(stub.Requests).Uri.Query);
    }

    [Fact]
    public async Task Bulk_delete_refuses_more_than_100_ids()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => StubHandler.Client(new StubHandler()).DeleteActivitySubscriptionsAsync(Enumerable.Range(0, 101).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}
