using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using XWebhooks.Security;
using XWebhooks.Testing;

namespace XWebhooks.Tests.Hosting;

/// <summary>The x-twitter-webhooks-signature-oauth2 header through the real endpoint on 127.0.0.1.</summary>
public sealed class OAuth2SignatureEndpointTests
{
    private const string OAuth2Secret = "test-oauth2-client-secret";
    private static readonly byte[] PostCreate = Encoding.UTF8.GetBytes("""{"data":{"event_uuid":"1","event_type":"post.create","payload":{"id":"1","text":"hi"}}}""");

    private static Task<TestReceiver> StartAsync(Action<XWebhooks.Hosting.XWebhooksOptions>? configure = null) =>
        TestReceiver.StartAsync(new()
        {
            Dispatcher = new RecordingDispatcher(),
            Options = options =>
            {
                options.OAuth2ClientSecret = OAuth2Secret;
                configure?.Invoke(options);
            },
        });

    private static HttpRequestMessage Post(Uri url, string? classic, string? oauth2)
    {
        var request = XWebhookTestKit.CreateUnsignedPost(url, PostCreate);
        if (classic is not null)
        {
            request.Headers.TryAddWithoutValidation(XWebhookSignature.HeaderName, classic);
        }

        if (oauth2 is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Twitter-Webhooks-Signature-OAuth2", oauth2);
        }

        return request;
    }

    [Fact]
    public async Task OAuth2_header_alone_is_dispatched_and_acknowledged()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateOAuth2SignedPost(host.Url, PostCreate, OAuth2Secret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("post.create", Assert.Single(host.Dispatcher<RecordingDispatcher>().Dispatched).EventType);
        Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("First delivery verified with the x-twitter-webhooks-signature-oauth2 header", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Classic_header_alone_is_dispatched_as_before()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, PostCreate, TestReceiver.DefaultSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Dispatcher<RecordingDispatcher>().Dispatched);
    }

    [Fact]
    public async Task Both_headers_are_dispatched()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, PostCreate, TestReceiver.DefaultSecret, OAuth2Secret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Dispatcher<RecordingDispatcher>().Dispatched);
    }

    [Fact]
    public async Task Neither_header_is_401()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(Post(host.Url, null, null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Dispatcher<RecordingDispatcher>().RouteCalls);
    }

    [Fact]
    public async Task A_wrong_oauth2_header_is_401_even_with_a_valid_classic_header()
    {
        await using var host = await StartAsync();

        // The OAuth2 header signed with the consumer secret: well formed, wrong key.
        using var response = await host.Client.SendAsync(Post(host.Url, XWebhookTestKit.Sign(PostCreate, TestReceiver.DefaultSecret), XWebhookTestKit.Sign(PostCreate, TestReceiver.DefaultSecret)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Dispatcher<RecordingDispatcher>().RouteCalls);
        Assert.Equal(1, host.Counters.Total("xwebhooks.deliveries;outcome=unauthorized;product=unknown"));
        Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Refused delivery: x-twitter-webhooks-signature-oauth2 Mismatch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_classic_header_alone_is_401()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(Post(host.Url, XWebhookTestKit.Sign(PostCreate, OAuth2Secret), null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Dispatcher<RecordingDispatcher>().RouteCalls);
    }

    [Fact]
    public async Task OAuth2_header_alone_without_an_oauth2_secret_is_401_with_a_log_that_says_what_to_set()
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateOAuth2SignedPost(host.Url, PostCreate, OAuth2Secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Dispatcher<RecordingDispatcher>().RouteCalls);
        var warning = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("XWebhooks:OAuth2ClientSecret is not set", warning.Message, StringComparison.Ordinal);
        Assert.Contains("XWebhooks__OAuth2ClientSecret", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OAuth2Secret, string.Concat(host.Logs.Entries.Select(e => e.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuth2_header_without_an_oauth2_secret_falls_back_to_a_valid_classic_header_and_says_so_once()
    {
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });

        using var first = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, PostCreate, TestReceiver.DefaultSecret, OAuth2Secret));
        using var second = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, PostCreate, TestReceiver.DefaultSecret, OAuth2Secret));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, host.Dispatcher<RecordingDispatcher>().Dispatched.Count);
        Assert.Single(host.Logs.Entries, e => e.Message.Contains("only x-twitter-webhooks-signature is verified. Set OAuth2ClientSecret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rotated_oauth2_secret_is_accepted_alongside_the_primary()
    {
        await using var host = await StartAsync(o =>
        {
            o.OAuth2ClientSecret = "new-oauth2";
            o.SecondaryOAuth2ClientSecret = "old-oauth2";
        });

        using var old = await host.Client.SendAsync(XWebhookTestKit.CreateOAuth2SignedPost(host.Url, PostCreate, "old-oauth2"));
        using var current = await host.Client.SendAsync(XWebhookTestKit.CreateOAuth2SignedPost(host.Url, PostCreate, "new-oauth2"));
        using var other = await host.Client.SendAsync(XWebhookTestKit.CreateOAuth2SignedPost(host.Url, PostCreate, "some-other-secret"));

        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        Assert.Equal(2, host.Dispatcher<RecordingDispatcher>().Dispatched.Count);
    }

    [Fact]
    public async Task Crc_is_answered_with_the_consumer_secret_by_default_even_with_an_oauth2_secret()
    {
        await using var host = await StartAsync();
        var token = XWebhookTestKit.CreateCrcToken();

        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateCrcRequest(host.Url, token));

        Assert.Null(await XWebhookTestKit.CheckCrcResponseAsync(response, token, TestReceiver.DefaultSecret));
    }

    [Fact]
    public async Task Crc_is_answered_with_the_oauth2_client_secret_when_configured()
    {
        await using var host = await StartAsync(o =>
        {
            o.OAuth2ClientSecret = "test";
            o.CrcSecret = XCrcSecret.OAuth2ClientSecret;
        });

        using var response = await host.Client.GetAsync(new Uri(host.Url, "?crc_token=foo"));

        // Reference vector: HMAC-SHA256(key "test", "foo"); the consumer secret is TestReceiver.DefaultSecret.
        Assert.Equal("""{"response_token":"sha256=HlU5y5rWhNi1SHftUCyOxuT6JRuDqeVBKWp1yvldR04="}""", await response.Content.ReadAsStringAsync());
    }
}
