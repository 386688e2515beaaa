using System.Net;

namespace XWebhooks.Management.Tests;

/// <summary>Error envelopes, reason matching and rate-limit headers.</summary>
public sealed class ErrorParsingTests
{
    [Fact]
    public async Task Problem_errors_array_gives_title_detail_type_errors_and_reasons()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.BadRequest, """
            {"errors":[{"title":"Invalid Request","detail":"DuplicateUrlFailed: URL already registered","type":"https://api.x.com/2/problems/invalid-request","status":400},
                       {"message":"second","code":214}]}
            """, r => SetRateLimit(r, 450, 448, 1_900_000_000));

        var error = await Assert.ThrowsAsync<XApiException>(() => StubHandler.Client(stub).CreateWebhookAsync(new Uri("https://a.example/x")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Invalid Request", error.Title);
        Assert.Equal("DuplicateUrlFailed: URL already registered", error.Detail);
        Assert.Equal("https://api.x.com/2/problems/invalid-request", error.Type);
        Assert.Equal(2, error.Errors.Count);
        Assert.Equal("214", error.Errors[1].Code);
        Assert.True(error.HasReason(XApiErrorReason.DuplicateUrlFailed));
        Assert.Equal([XApiErrorReason.DuplicateUrlFailed], error.Reasons);
        Assert.Equal(new XRateLimit(450, 448, DateTimeOffset.FromUnixTimeSeconds(1_900_000_000)), error.RateLimit);
        Assert.Contains("POST /2/webhooks failed with 400", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("app-token", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"title":"WebhookLimitExceeded","detail":"Too many webhooks","type":"about:blank","status":403}""", XApiErrorReason.WebhookLimitExceeded)]
    [InlineData("""{"errors":[{"message":"UrlValidationFailed"}]}""", XApiErrorReason.UrlValidationFailed)]
    [InlineData("""{"errors":[{"reason":"CrcValidationFailed"}]}""", XApiErrorReason.CrcValidationFailed)]
    [InlineData("""{"errors":[{"type":"https://api.x.com/2/problems/ReplayConflictError"}]}""", XApiErrorReason.ReplayConflictError)]
    [InlineData("""{"reason":"QueryParamInvalid","error":"bad from_date"}""", XApiErrorReason.QueryParamInvalid)]
    [InlineData("""{"errors":[{"detail":"subscriptionnotfound"}]}""", XApiErrorReason.SubscriptionNotFound)]
    public async Task Reasons_are_found_wherever_x_puts_them(string json, XApiErrorReason reason)
    {
        var stub = new StubHandler().Respond(HttpStatusCode.Forbidden, json);

        var error = await Assert.ThrowsAsync<XApiException>(() => StubHandler.Client(stub).ListWebhooksAsync());

        Assert.Equal([reason], error.Reasons);
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("")]
    public async Task Non_json_error_bodies_still_give_the_status(string body)
    {
        var stub = new StubHandler().Respond(HttpStatusCode.BadGateway, body);

        var error = await Assert.ThrowsAsync<XApiException>(() => StubHandler.Client(stub).ListWebhooksAsync());

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Empty(error.Errors);
        Assert.Empty(error.Reasons);
    }

    [Fact]
    public async Task Success_status_with_only_errors_throws()
    {
        var stub = new StubHandler().Ok("""{"errors":[{"title":"Not Found Error","detail":"WebhookIdInvalid"}]}""");

        var error = await Assert.ThrowsAsync<XApiException>(() => StubHandler.Client(stub).DeleteWebhookAsync("9"));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.True(error.HasReason(XApiErrorReason.WebhookIdInvalid));
    }

    [Fact]
    public async Task Success_status_with_a_non_json_body_throws()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.OK, "not json");

        await Assert.ThrowsAsync<XApiException>(() => StubHandler.Client(stub).ListWebhooksAsync());
    }

    [Fact]
    public async Task Last_rate_limit_follows_each_answer()
    {
        var stub = new StubHandler()
            .Respond(HttpStatusCode.OK, """{"data":[]}""", r => SetRateLimit(r, 450, 449, 1_900_000_000))
            .Respond(HttpStatusCode.OK, """{"data":[]}""", r => SetRateLimit(r, 450, 448, 1_900_000_000))
            .Respond(HttpStatusCode.OK, """{"data":[]}""");
        var client = StubHandler.Client(stub);
        Assert.Null(client.LastRateLimit);

        await client.ListWebhooksAsync();
        Assert.Equal(449, client.LastRateLimit?.Remaining);
        await client.ListWebhooksAsync();
        Assert.Equal(448, client.LastRateLimit?.Remaining);
        await client.ListWebhooksAsync();
        Assert.Equal(448, client.LastRateLimit?.Remaining); // no headers: the last seen limit stays
    }

    [Fact]
    public async Task Rate_limit_needs_all_three_numeric_headers()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.OK, """{"data":[]}""", r =>
        {
            r.Headers.Add("x-rate-limit-limit", "450");
            r.Headers.Add("x-rate-limit-remaining", "abc");
            r.Headers.Add("x-rate-limit-reset", "1900000000");
        });
        var client = StubHandler.Client(stub);

        await client.ListWebhooksAsync();

        Assert.Null(client.LastRateLimit);
    }

    internal static void SetRateLimit(HttpResponseMessage response, int limit, int remaining, long reset)
    {
        response.Headers.Add("x-rate-limit-limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("x-rate-limit-remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("x-rate-limit-reset", reset.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
