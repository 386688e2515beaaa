using System.Net;

namespace XWebhooks.Management.Tests;

/// <summary>Account Activity subscription calls (reference §4.1) and filtered-stream links (§6, §9 items 11–12).</summary>
public sealed class AccountActivityAndStreamParsingTests
{
    [Fact]
    public async Task Subscribe_posts_an_empty_object_with_the_user_token()
    {
        var stub = new StubHandler().Ok("""{"data":{"subscribed":true}}""");

        await StubHandler.Client(stub).SubscribeAccountActivityAsync("55", "user-token");

        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/2/account_activity/webhooks/55/subscriptions/all", request.Uri.AbsolutePath);
        Assert.Equal("Bearer user-token", request.Authorization);
        Assert.Equal("{}", request.Body);
    }

    [Fact]
    public async Task Subscribe_failures_carry_the_reason()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.BadRequest, """{"errors":[{"message":"SubscriptionLimitExceeded"}]}""");

        var error = await Assert.ThrowsAsync<XApiException>(() => StubHandler.Client(stub).SubscribeAccountActivityAsync("55", "user-token"));

        Assert.Equal([XApiErrorReason.SubscriptionLimitExceeded], error.Reasons);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"data":{"subscribed":true}}""", true)]
    [InlineData(HttpStatusCode.OK, """{"data":{"subscribed":false}}""", false)]
    [InlineData(HttpStatusCode.NotFound, """{"errors":[{"detail":"SubscriptionNotFound"}]}""", false)]
    public async Task Check_reads_subscribed(HttpStatusCode status, string json, bool expected)
    {
        var stub = new StubHandler().Respond(status, json);

        Assert.Equal(expected, await StubHandler.Client(stub).IsAccountActivitySubscribedAsync("55", "user-token"));
        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("Bearer user-token", request.Authorization);
    }

    [Fact]
    public async Task List_reads_user_ids_from_objects_or_bare_ids()
    {
        var stub = new StubHandler().Ok("""{"data":{"application_id":"13090192","webhook_id":"1234567890","webhook_url":"https://a.example/x","subscriptions":[{"user_id":"3001"},{"user_id":3002},"3003"]}}""");

        var list = await StubHandler.Client(stub).ListAccountActivitySubscriptionsAsync("1234567890");

        Assert.Equal(new[] { "3001", "3002", "3003" }, list.UserIds);
        Assert.Equal("13090192", list.ApplicationId);
        Assert.Equal("https://a.example/x", list.WebhookUrl);
        Assert.Equal("/2/account_activity/webhooks/1234567890/subscriptions/all/list", Assert.Single(stub.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task Count_parses_string_values()
    {
        var stub = new StubHandler().Ok("""{"data":{"account_name":"my-account","provisioned_count":"3","subscriptions_count_all":"1","subscriptions_count_direct_messages":"0"}}""");

        var count = await StubHandler.Client(stub).CountAccountActivitySubscriptionsAsync();

        Assert.Equal(new XAccountActivitySubscriptionCount("my-account", 3, 1, 0), count);
        Assert.Equal("/2/account_activity/subscriptions/count", Assert.Single(stub.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task Delete_uses_the_user_id_path_with_the_app_token()
    {
        var stub = new StubHandler().Ok("""{"data":{"subscribed":false}}""");

        await StubHandler.Client(stub).DeleteAccountActivitySubscriptionAsync("55", "3001");

        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("/2/account_activity/webhooks/55/subscriptions/3001/all", request.Uri.AbsolutePath);
        Assert.Equal("Bearer app-token", request.Authorization);
    }

    [Fact]
    public async Task Link_sends_the_fields_as_query_parameters()
    {
        var stub = new StubHandler().Ok("""{"data":{"provisioned":true}}""");

        var provisioned = await StubHandler.Client(stub).LinkFilteredStreamAsync("77", new XStreamLinkFields { Expansions = "author_id", UserFields = "username,name" });

        Assert.True(provisioned);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/2/tweets/search/webhooks/77", request.Uri.AbsolutePath);
        Assert.Equal("?expansions=author_id&user.fields=username%2Cname", request.Uri.Query);
    }

    [Theory]
    // tolerated: docs.x.com filtered-stream webhooks quickstart and spec 2.166 (data.links[]); then X's spec 2.167 / xdk 0.6.6 (data[]).
    [InlineData("""{"data":{"links":[{"application_id":"29893711","business_user_id":"1877374016438091776","fields":["user.fields=username","name","id","expansions=author_id"],"instance_id":"1877375130462289920","webhook_id":"1952390923729424384"}]}}""")]
    [InlineData("""{"data":[{"application_id":"29893711","business_user_id":"1877374016438091776","created_at":"2025-08-01T00:00:00.000Z","fields":["user.fields=username","name","id","expansions=author_id"],"instance_id":"1877375130462289920","webhook_id":"1952390923729424384"}]}""")]
    public async Task List_links_accepts_data_array_and_data_links(string json)
    {
        var stub = new StubHandler().Ok(json);

        var link = Assert.Single(await StubHandler.Client(stub).ListFilteredStreamLinksAsync());

        Assert.Equal("1952390923729424384", link.WebhookId);
        Assert.Equal("1877375130462289920", link.InstanceId);
        Assert.Equal(["user.fields=username", "name", "id", "expansions=author_id"], link.Fields);
        Assert.Equal("/2/tweets/search/webhooks", Assert.Single(stub.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task List_links_with_no_data_is_empty_and_unlink_deletes()
    {
        var stub = new StubHandler().Ok("{}").Ok("""{"data":{"deleted":true}}""");
        var client = StubHandler.Client(stub);

        Assert.Empty(await client.ListFilteredStreamLinksAsync());
        await client.UnlinkFilteredStreamAsync("77");

        Assert.Equal(HttpMethod.Delete, stub.Requests[1].Method);
        Assert.Equal("/2/tweets/search/webhooks/77", stub.Requests[1].Uri.AbsolutePath);
    }
}
