using System.Diagnostics;
using System.Net;

namespace XWebhooks.Management.Tests;

/// <summary>Webhook, replay, error and 429 paths of the client against the local X emulator (real CRC to a real receiver).</summary>
public sealed class EmulatorWebhookTests
{
    [Fact]
    public async Task Webhook_lifecycle_create_list_validate_replay_delete()
    {
        await using var x = await EmulatedX.StartAsync();
        var client = x.Client();

        var created = await client.CreateWebhookAsync(x.Receiver.Url);
        Assert.True(created.Valid);
        Assert.Equal(x.Receiver.Url.AbsoluteUri, created.Url);
        Assert.NotNull(created.CreatedAt);
        Assert.NotNull(client.LastRateLimit);
        Assert.Equal(450, client.LastRateLimit!.Limit);

        var listed = Assert.Single(await client.ListWebhooksAsync());
        Assert.Equal(created.Id, listed.Id);
        Assert.True(listed.Valid);

        Assert.True(await client.ValidateWebhookAsync(created.Id));

        var now = DateTimeOffset.UtcNow;
        var job = await client.CreateReplayJobAsync(created.Id, now.AddHours(-1), now);
        Assert.False(string.IsNullOrEmpty(job.JobId));

        await client.DeleteWebhookAsync(created.Id);
        Assert.Empty(await client.ListWebhooksAsync());
        var gone = await Assert.ThrowsAsync<XApiException>(() => client.DeleteWebhookAsync(created.Id));
        Assert.True(gone.HasReason(XApiErrorReason.WebhookIdInvalid), gone.Message);
    }

    [Fact]
    public async Task A_receiver_with_the_wrong_secret_fails_creation_with_CrcValidationFailed()
    {
        await using var x = await EmulatedX.StartAsync(receiverSecret: "not-the-app-secret");

        var error = await Assert.ThrowsAsync<XApiException>(() => x.Client().CreateWebhookAsync(x.Receiver.Url));

        Assert.Equal([XApiErrorReason.CrcValidationFailed], error.Reasons);
        Assert.Equal("Invalid Request", error.Title);
        Assert.StartsWith("CrcValidationFailed: ", error.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(error.Errors);
        Assert.NotNull(error.RateLimit);
    }

    [Fact]
    public async Task Validate_returns_false_when_the_crc_fails_and_the_webhook_turns_invalid()
    {
        await using var x = await EmulatedX.StartAsync();
        var client = x.Client();
        var created = await client.CreateWebhookAsync(x.Receiver.Url);
        await x.Receiver.DisposeAsync(); // nobody answers the CRC any more

        Assert.False(await client.ValidateWebhookAsync(created.Id));
        Assert.False(Assert.Single(await client.ListWebhooksAsync()).Valid);
    }

    [Fact]
    public async Task Duplicate_url_bad_url_limit_and_unknown_id_give_their_reasons()
    {
        await using var x = await EmulatedX.StartAsync(o => o.MaxWebhooks = 1);
        var client = x.Client();
        var created = await client.CreateWebhookAsync(x.Receiver.Url);

        var duplicate = await Assert.ThrowsAsync<XApiException>(() => client.CreateWebhookAsync(x.Receiver.Url));
        Assert.True(duplicate.HasReason(XApiErrorReason.DuplicateUrlFailed), duplicate.Message);

        var badUrl = await Assert.ThrowsAsync<XApiException>(() => client.CreateWebhookAsync(new Uri("http://example.com:8080/hook")));
        Assert.True(badUrl.HasReason(XApiErrorReason.UrlValidationFailed), badUrl.Message);

        var limit = await Assert.ThrowsAsync<XApiException>(() => client.CreateWebhookAsync(new Uri(x.Receiver.Url, "?second=1")));
        Assert.True(limit.HasReason(XApiErrorReason.WebhookLimitExceeded), limit.Message);

        var unknown = await Assert.ThrowsAsync<XApiException>(() => client.ValidateWebhookAsync("999"));
        Assert.True(unknown.HasReason(XApiErrorReason.WebhookIdInvalid), unknown.Message);
    }

    [Fact]
    public async Task Replay_errors_give_QueryParamInvalid_ReplayConflictError_and_WebhookIdInvalid()
    {
        await using var x = await EmulatedX.StartAsync(o => o.RetryDelays = [TimeSpan.FromSeconds(30)]);
        var client = x.Client();
        var webhook = await client.CreateWebhookAsync(x.Receiver.Url);
        var now = DateTimeOffset.UtcNow;

        var tooOld = await Assert.ThrowsAsync<XApiException>(() => client.CreateReplayJobAsync(webhook.Id, now.AddHours(-30), now.AddHours(-29)));
        Assert.True(tooOld.HasReason(XApiErrorReason.QueryParamInvalid), tooOld.Message);

        var unknown = await Assert.ThrowsAsync<XApiException>(() => client.CreateReplayJobAsync("999", now.AddHours(-1), now));
        Assert.True(unknown.HasReason(XApiErrorReason.WebhookIdInvalid), unknown.Message);

        // With the receiver gone, the job's redelivery waits for its retry, so the job is still running for the second call.
        await x.Emulator.TriggerAsync("post.create", webhook.Id);
        await x.Receiver.DisposeAsync();
        var to = DateTimeOffset.UtcNow; // X refuses a to_date in the future
        var job = await client.CreateReplayJobAsync(webhook.Id, to.AddMinutes(-5), to);
        var conflict = await Assert.ThrowsAsync<XApiException>(() => client.CreateReplayJobAsync(webhook.Id, to.AddMinutes(-5), to));
        Assert.True(conflict.HasReason(XApiErrorReason.ReplayConflictError), conflict.Message);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains(job.JobId, conflict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_bearer_token_is_a_401_XApiException_without_the_token_in_it()
    {
        await using var x = await EmulatedX.StartAsync();

        var error = await Assert.ThrowsAsync<XApiException>(() => x.Client(bearer: "wrong-token-value").ListWebhooksAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain("wrong-token-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_the_limit_429_throws_with_the_reset_time()
    {
        await using var x = await EmulatedX.StartAsync(o => o.WebhookRequestsPerWindow = 2);
        var client = x.Client();
        await client.ListWebhooksAsync();
        await client.ListWebhooksAsync();
        Assert.Equal(0, client.LastRateLimit?.Remaining);

        var error = await Assert.ThrowsAsync<XRateLimitExceededException>(() => client.ListWebhooksAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.True(error.ResetAt > DateTimeOffset.UtcNow.AddMinutes(14), $"reset {error.ResetAt}");
        Assert.Equal(2, error.RateLimit?.Limit);
    }

    [Fact]
    public async Task A_429_resetting_within_MaxRateLimitWait_is_waited_out_and_retried()
    {
        await using var x = await EmulatedX.StartAsync(o =>
        {
            o.WebhookRequestsPerWindow = 1;
            o.RateLimitWindow = TimeSpan.FromSeconds(2);
        });
        var client = x.Client(maxRateLimitWait: TimeSpan.FromSeconds(10));
        await client.ListWebhooksAsync();
        var watch = Stopwatch.StartNew();

        var webhooks = await client.ListWebhooksAsync(); // 429 first, then the retry after the reset

        Assert.Empty(webhooks);
        Assert.True(watch.Elapsed > TimeSpan.FromSeconds(0.5), $"no wait: {watch.Elapsed}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"waited {watch.Elapsed}");
        Assert.Equal(1, client.LastRateLimit?.Limit);
    }

    [Fact]
    public async Task A_429_resetting_after_MaxRateLimitWait_throws_at_once()
    {
        await using var x = await EmulatedX.StartAsync(o => o.WebhookRequestsPerWindow = 1);
        var client = x.Client(maxRateLimitWait: TimeSpan.FromSeconds(5));
        await client.ListWebhooksAsync();
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<XRateLimitExceededException>(() => client.ListWebhooksAsync());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"waited {watch.Elapsed}");
    }
}
