using System.Net;

namespace XWebhooks.Emulator.Tests;

public sealed class WebhookManagementTests
{
    [Fact]
    public async Task Create_runs_a_crc_then_lists_the_webhook_as_valid()
    {
        await using var x = await EmulatorHarness.StartAsync();

        var (created, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{x.Receiver.Url}}"}""");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var data = json.GetProperty("data");
        Assert.Matches("^[0-9]{1,19}$", data.GetProperty("id").GetString());
        Assert.True(data.GetProperty("valid").GetBoolean());
        Assert.Contains("relaxed", created.Headers.GetValues("x-emulator-note").Single(), StringComparison.Ordinal);

        var (_, list) = await x.SendAsync(HttpMethod.Get, "/2/webhooks");
        var listed = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal(x.Receiver.Url.ToString(), listed.GetProperty("url").GetString());
        Assert.Equal(1, list.GetProperty("meta").GetProperty("result_count").GetInt32());
    }

    [Fact]
    public async Task Create_is_refused_in_xs_error_shape_when_the_crc_answer_is_wrong()
    {
        await using var x = await EmulatorHarness.StartAsync();
        x.Receiver.AnswerCrcCorrectly = false;

        var (response, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{x.Receiver.Url}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("CrcValidationFailed", XErrors.Reason(json));
        Assert.Contains("response_token is wrong", XErrors.Message(json), StringComparison.Ordinal);
        Assert.Equal("https://api.x.com/2/problems/invalid-request", json.GetProperty("type").GetString());
        Assert.Equal("Invalid Request", json.GetProperty("title").GetString());
        Assert.Single(json.GetProperty("errors").EnumerateArray());
        var (_, list) = await x.SendAsync(HttpMethod.Get, "/2/webhooks");
        Assert.Empty(list.GetProperty("data").EnumerateArray());
    }

    [Theory]
    [InlineData("http://example.com/webhooks/x", "must use https")]
    [InlineData("https://example.com:5000/webhooks/x", "must not name a port")]
    [InlineData("/webhooks/x", "absolute https URL")]
    public async Task Urls_real_x_refuses_are_refused(string url, string reason)
    {
        await using var x = await EmulatorHarness.StartAsync();

        var (response, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{url}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UrlValidationFailed", XErrors.Reason(json));
        Assert.Contains(reason, XErrors.Message(json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_url_and_the_webhook_limit_are_refused()
    {
        await using var x = await EmulatorHarness.StartAsync(o => o.MaxWebhooks = 1);
        await x.RegisterAsync();

        var (duplicate, json) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{x.Receiver.Url}}"}""");
        Assert.Equal("DuplicateUrlFailed", XErrors.Reason(json));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);

        var (_, limit) = await x.SendAsync(HttpMethod.Post, "/2/webhooks", $$"""{"url":"{{x.Receiver.Url}}?second"}""");
        Assert.Equal("WebhookLimitExceeded", XErrors.Reason(limit));
    }

    [Fact]
    public async Task Failed_crc_on_put_makes_the_webhook_invalid_so_it_receives_nothing_until_a_put_passes()
    {
        await using var x = await EmulatorHarness.StartAsync();
        var id = await x.RegisterAsync();
        x.Receiver.AnswerCrcCorrectly = false;

        var (refused, error) = await x.SendAsync(HttpMethod.Put, "/2/webhooks/" + id);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("CrcValidationFailed", XErrors.Reason(error));
        var (_, list) = await x.SendAsync(HttpMethod.Get, "/2/webhooks");
        Assert.False(list.GetProperty("data")[0].GetProperty("valid").GetBoolean());

        var skipped = Assert.Single(await x.Emulator.TriggerAsync("post.create"));
        Assert.Equal(XEmulatorDeliveryState.Skipped, skipped.State);
        Assert.Empty(x.Receiver.Posts);

        x.Receiver.AnswerCrcCorrectly = true;
        var (validated, valid) = await x.SendAsync(HttpMethod.Put, "/2/webhooks/" + id);
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        Assert.True(valid.GetProperty("data").GetProperty("valid").GetBoolean());
        var delivered = Assert.Single(await x.Emulator.TriggerAsync("post.create"));
        await x.WaitForAsync(delivered.Id, d => d.State == XEmulatorDeliveryState.Delivered);
    }

    [Fact]
    public async Task Delete_removes_the_webhook_and_an_unknown_id_is_webhook_id_invalid()
    {
        await using var x = await EmulatorHarness.StartAsync();
        var id = await x.RegisterAsync();

        var (_, deleted) = await x.SendAsync(HttpMethod.Delete, "/2/webhooks/" + id);
        Assert.True(deleted.GetProperty("data").GetProperty("deleted").GetBoolean());

        var (again, error) = await x.SendAsync(HttpMethod.Delete, "/2/webhooks/" + id);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("WebhookIdInvalid", XErrors.Reason(error));
    }

    [Fact]
    public async Task Calls_without_the_app_token_are_401()
    {
        await using var x = await EmulatorHarness.StartAsync();

        var (response, json) = await x.SendAsync(HttpMethod.Get, "/2/webhooks", bearer: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Rate_limit_headers_count_down_and_the_call_past_the_limit_is_429()
    {
        await using var x = await EmulatorHarness.StartAsync(o => o.WebhookRequestsPerWindow = 2);

        var (first, _) = await x.SendAsync(HttpMethod.Get, "/2/webhooks");
        var (second, _) = await x.SendAsync(HttpMethod.Get, "/2/webhooks");
        var (third, json) = await x.SendAsync(HttpMethod.Get, "/2/webhooks");

        Assert.Equal(("2", "1"), (first.Headers.GetValues("x-rate-limit-limit").Single(), first.Headers.GetValues("x-rate-limit-remaining").Single()));
        Assert.Equal("0", second.Headers.GetValues("x-rate-limit-remaining").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(429, json.GetProperty("status").GetInt32());
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(third.Headers.GetValues("x-rate-limit-reset").Single(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(reset, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
    }
}
