using System.Net;
using System.Net.Http.Headers;
using System.Text;
using XWebhooks.Security;
using XWebhooks.Testing;

namespace XWebhooks.Tests.Hosting;

/// <summary>The receive path against a real Kestrel on 127.0.0.1.</summary>
public sealed class EndpointTests
{
    private static readonly byte[] PostCreate = Encoding.UTF8.GetBytes("""{"data":{"event_uuid":"-2781149976877970683","event_type":"post.create","payload":{"id":"1","text":"hi"}}}""");

    [Fact]
    public async Task Crc_answers_a_token_with_the_signed_response_token()
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });
        var token = XWebhookTestKit.CreateCrcToken();

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateCrcRequest(host.Url, token));

        Assert.Null(await XWebhookTestKit.CheckCrcResponseAsync(response, token, TestReceiver.DefaultSecret));
        Assert.Equal(1, host.Counters.Total("xwebhooks.crc.requests;outcome=answered"));
    }

    [Fact]
    public async Task Crc_matches_the_reference_vector_and_ignores_extra_query_parameters()
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher(), Options = o => o.ConsumerSecret = "test" });

        using var response = await host.Client.GetAsync(new Uri(host.Url, "?crc_token=foo&nonce=MTQ4Nzk3OTc0NDI1MA"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"response_token":"sha256=HlU5y5rWhNi1SHftUCyOxuT6JRuDqeVBKWp1yvldR04="}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?nonce=1")]
    [InlineData("?crc_token=")]
    [InlineData("?crc_token=a&crc_token=b")]
    [InlineData("?crc_token=%7B%22for_user_id%22%3A%221%22%7D")]
    [InlineData("?crc_token=has%20space")]
    public async Task Crc_refuses_missing_or_non_token_values_with_400(string query)
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });

        using var response = await host.Client.GetAsync(new Uri(host.Url + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("crc_token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, host.Counters.Total("xwebhooks.crc.requests;outcome=refused"));
    }

    [Fact]
    public async Task Signed_delivery_is_dispatched_and_acknowledged_with_200()
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, PostCreate, TestReceiver.DefaultSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dispatched = Assert.Single(host.Dispatcher<RecordingDispatcher>().Dispatched);
        Assert.Equal(XProduct.Activity, dispatched.Product);
        Assert.Equal("post.create", dispatched.EventType);
        Assert.StartsWith("""{"event_uuid":"-2781149976877970683""", dispatched.Json, StringComparison.Ordinal);
        Assert.Equal(1, host.Counters.Total("xwebhooks.deliveries;outcome=accepted;product=activity"));
        Assert.Equal(1, host.Counters.Total("xwebhooks.events;outcome=handled;product=activity;type=post.create"));
    }

    [Fact]
    public async Task Account_activity_delivery_dispatches_every_event_with_for_user_id()
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });
        var body = Encoding.UTF8.GetBytes("""{"for_user_id":"2244994945","favorite_events":[{"id":"a"},{"id":"b"}],"follow_events":[{"type":"follow"}]}""");

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, body, TestReceiver.DefaultSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["""{"id":"a"}""", """{"id":"b"}"""], host.Dispatcher<RecordingDispatcher>().Dispatched.Select(d => d.Json));
        Assert.All(host.Dispatcher<RecordingDispatcher>().Dispatched, d => Assert.Equal("2244994945", d.ForUserId));
        Assert.Equal(1, host.Counters.Total("xwebhooks.events;outcome=unhandled;product=account_activity;type=follow_events"));
    }

    public static TheoryData<string?> BadSignatures => new()
    {
        null,
        "",
        "   ",
        "sha256=",
        "sha256=not-base64",
        "YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=",
        "sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=",
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Missing_blank_malformed_or_wrong_signature_is_401_and_nothing_is_parsed(string? signature)
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });
        var request = XWebhookTestKit.CreateUnsignedPost(host.Url, PostCreate);
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(XWebhookSignature.HeaderName, signature);
        }

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Dispatcher<RecordingDispatcher>().RouteCalls);
        Assert.Empty(host.Dispatcher<RecordingDispatcher>().Dispatched);
        Assert.Equal(1, host.Counters.Total("xwebhooks.deliveries;outcome=unauthorized;product=unknown"));
    }

    [Fact]
    public async Task Signature_over_other_bytes_is_401_even_when_the_json_is_equivalent()
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });
        var reformatted = Encoding.UTF8.GetBytes("""{ "data": {"event_uuid":"-2781149976877970683","event_type":"post.create","payload":{"id":"1","text":"hi"}}}""");
        var request = XWebhookTestKit.CreateUnsignedPost(host.Url, reformatted);
        request.Headers.TryAddWithoutValidation(XWebhookSignature.HeaderName, XWebhookTestKit.Sign(PostCreate, TestReceiver.DefaultSecret));

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Dispatcher<RecordingDispatcher>().RouteCalls);
    }

    [Fact]
    public async Task Rotated_secret_is_accepted_alongside_the_primary()
    {
        await using var host = await TestReceiver.StartAsync(new()
        {
            Dispatcher = new RecordingDispatcher(),
            Options = o =>
            {
                o.ConsumerSecret = "new-secret";
                o.SecondaryConsumerSecret = "old-secret";
            },
        });

        using var old = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, PostCreate, "old-secret"));
        using var current = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, PostCreate, "new-secret"));
        using var other = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, PostCreate, "some-other-secret"));

        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        Assert.Equal(2, host.Dispatcher<RecordingDispatcher>().Dispatched.Count);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_with_content_length()
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher(), Options = o => o.MaxBodyBytes = 64 });
        var body = Encoding.UTF8.GetBytes("""{"data":{"event_type":"post.create","payload":{"text":"x"},"padding":"0123456789012345678901234567890123456789"}}""");

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, body, TestReceiver.DefaultSecret));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, host.Dispatcher<RecordingDispatcher>().RouteCalls);
        Assert.Equal(1, host.Counters.Total("xwebhooks.deliveries;outcome=too_large;product=unknown"));
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_when_chunked()
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher(), Options = o => o.MaxBodyBytes = 64 });
        var body = Encoding.UTF8.GetBytes(new string(' ', 200) + "{}");
        var request = new HttpRequestMessage(HttpMethod.Post, host.Url)
        {
            Content = new StreamContent(new MemoryStream(body)),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(XWebhookSignature.HeaderName, XWebhookTestKit.Sign(body, TestReceiver.DefaultSecret));

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, host.Dispatcher<RecordingDispatcher>().RouteCalls);
    }

    [Theory]
    [InlineData("{\"data\":", "not valid JSON")]
    [InlineData("[{\"data\":{}}]", "must be a JSON object")]
    [InlineData("not json at all", "not valid JSON")]
    public async Task Malformed_json_is_400_with_a_reason(string body, string reason)
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, Encoding.UTF8.GetBytes(body), TestReceiver.DefaultSecret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Dispatcher<RecordingDispatcher>().Dispatched);
        Assert.Equal(1, host.Counters.Total("xwebhooks.deliveries;outcome=malformed;product=unknown"));
    }

    [Fact]
    public async Task Unknown_event_type_is_200_and_counted()
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });
        var body = Encoding.UTF8.GetBytes("""{"data":{"event_uuid":"1","event_type":"brand.new.kind","payload":{"anything":[1,2,3]}}}""");

        using var first = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, body, TestReceiver.DefaultSecret));
        using var second = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, body, TestReceiver.DefaultSecret));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Empty(host.Dispatcher<RecordingDispatcher>().Dispatched);
        Assert.Equal(2, host.Counters.Total("xwebhooks.events;outcome=unhandled;product=activity;type=brand.new.kind"));
    }

    [Fact]
    public async Task Unknown_product_shape_is_200_and_counted()
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, Encoding.UTF8.GetBytes("""{"surprise":true}"""), TestReceiver.DefaultSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, host.Counters.Total("xwebhooks.events;outcome=unhandled;product=unknown;type=none"));
        Assert.Equal(1, host.Counters.Total("xwebhooks.deliveries;outcome=accepted;product=unknown"));
    }

    [Fact]
    public async Task Handler_exception_is_500_so_x_redelivers()
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });
        var body = Encoding.UTF8.GetBytes("""{"data":{"event_type":"test.throw"}}""");

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, body, TestReceiver.DefaultSecret));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, host.Counters.Total("xwebhooks.events;outcome=failed;product=activity;type=test.throw"));
        Assert.Equal(1, host.Counters.Total("xwebhooks.deliveries;outcome=handler_failed;product=activity"));
    }

    [Theory]
    [InlineData("test.slow")]
    [InlineData("test.slow_cooperative")]
    public async Task Handler_over_the_budget_is_503_so_x_redelivers(string eventType)
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher(), Options = o => o.ResponseBudget = TimeSpan.FromMilliseconds(200) });
        var body = Encoding.UTF8.GetBytes($$$"""{"data":{"event_type":"{{{eventType}}}"}}""");

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, body, TestReceiver.DefaultSecret));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, host.Counters.Total("xwebhooks.deliveries;outcome=budget_exceeded;product=activity"));
    }

    [Fact]
    public async Task Filtered_stream_delivery_reaches_the_stream_route()
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });
        var body = Encoding.UTF8.GetBytes("""{"data":{"id":"1346889436626259968","text":"hello"},"matching_rules":[{"id":"120897978112909812","tag":"api-posts"}]}""");

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, body, TestReceiver.DefaultSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dispatched = Assert.Single(host.Dispatcher<RecordingDispatcher>().Dispatched);
        Assert.Equal((XProduct.FilteredStream, "post"), (dispatched.Product, dispatched.EventType));
        Assert.Equal(Encoding.UTF8.GetString(body), dispatched.Json);
    }
}
