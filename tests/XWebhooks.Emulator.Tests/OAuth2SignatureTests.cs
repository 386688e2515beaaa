using XWebhooks.Security;

namespace XWebhooks.Emulator.Tests;

/// <summary>The emulator signing with the OAuth 2.0 client secret, against a real XWebhooks receiver.</summary>
public sealed class OAuth2SignatureTests
{
    private const string OAuth2Secret = "emulator-oauth2-client-secret";

    private static async Task<XEmulatorDelivery> DeliverOnePostAsync(EmulatorHarness x, Uri receiverUrl)
    {
        var (response, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{receiverUrl}}"}""");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(json.GetProperty("data").GetProperty("valid").GetBoolean());
        var delivery = Assert.Single(await x.Emulator.TriggerAsync("post.create"));
        return await x.WaitForAsync(delivery.Id, d => d.State != XEmulatorDeliveryState.Pending);
    }

    [Theory]
    [InlineData(XEmulatorSignatureHeaders.OAuth2)]
    [InlineData(XEmulatorSignatureHeaders.Both)]
    public async Task Deliveries_signed_with_the_oauth2_header_reach_a_receiver_with_the_oauth2_secret(XEmulatorSignatureHeaders headers)
    {
        await using var receiver = await HandledEvents.StartReceiverAsync(o => o.OAuth2ClientSecret = OAuth2Secret);
        await using var x = await EmulatorHarness.StartAsync(o =>
        {
            o.OAuth2ClientSecret = OAuth2Secret;
            o.SignatureHeaders = headers;
        });

        var done = await DeliverOnePostAsync(x, receiver.Url);

        Assert.Equal(XEmulatorDeliveryState.Delivered, done.State);
        await Poll.UntilAsync(() => HandledEvents.Of(receiver).Calls.Count == 1, "the handler ran");
    }

    [Fact]
    public async Task An_oauth2_only_delivery_to_a_receiver_without_the_oauth2_secret_is_refused_401()
    {
        await using var receiver = await HandledEvents.StartReceiverAsync();
        await using var x = await EmulatorHarness.StartAsync(o =>
        {
            o.OAuth2ClientSecret = OAuth2Secret;
            o.SignatureHeaders = XEmulatorSignatureHeaders.OAuth2;
            o.RetryDelays = [];
        });

        var done = await DeliverOnePostAsync(x, receiver.Url);

        Assert.Equal(XEmulatorDeliveryState.Failed, done.State);
        Assert.Equal(401, Assert.Single(done.Attempts).Status);
        Assert.Empty(HandledEvents.Of(receiver).Calls);
    }

    [Fact]
    public async Task Crc_checked_with_the_oauth2_secret_passes_only_when_the_receiver_answers_with_it()
    {
        await using var answersWithOAuth2 = await HandledEvents.StartReceiverAsync(o =>
        {
            o.OAuth2ClientSecret = OAuth2Secret;
            o.CrcSecret = XCrcSecret.OAuth2ClientSecret;
        });
        await using var answersWithConsumer = await HandledEvents.StartReceiverAsync(o => o.OAuth2ClientSecret = OAuth2Secret);
        await using var x = await EmulatorHarness.StartAsync(o =>
        {
            o.OAuth2ClientSecret = OAuth2Secret;
            o.CrcSecret = XCrcSecret.OAuth2ClientSecret;
        });

        var (good, goodJson) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{answersWithOAuth2.Url}}"}""");
        var (bad, badJson) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{answersWithConsumer.Url}}"}""");

        Assert.Equal(200, (int)good.StatusCode);
        Assert.True(goodJson.GetProperty("data").GetProperty("valid").GetBoolean());
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Contains("response_token is wrong", XErrors.Message(badJson), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(XEmulatorSignatureHeaders.OAuth2, XCrcSecret.ConsumerSecret)]
    [InlineData(XEmulatorSignatureHeaders.Classic, XCrcSecret.OAuth2ClientSecret)]
    public void Signing_or_checking_with_the_oauth2_secret_needs_it(XEmulatorSignatureHeaders headers, XCrcSecret crc)
    {
        var options = new XEmulatorOptions { ConsumerSecret = "s", BearerToken = "t", SignatureHeaders = headers, CrcSecret = crc };
        var ex = Assert.Throws<InvalidOperationException>(() => XEmulator.Create(options));
        Assert.Contains("XEmulatorOptions.OAuth2ClientSecret is required", ex.Message, StringComparison.Ordinal);
    }
}
