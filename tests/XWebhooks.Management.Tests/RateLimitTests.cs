using System.Diagnostics;
using System.Net;

namespace XWebhooks.Management.Tests;

/// <summary>429 handling: throw at once by default; wait out a reset within MaxRateLimitWait and retry once.</summary>
public sealed class RateLimitTests
{
    private const string TooMany = """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""";

    [Fact]
    public async Task By_default_429_throws_with_the_reset_time_and_does_not_retry()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds();
        var stub = new StubHandler().Respond(HttpStatusCode.TooManyRequests, TooMany, r => ErrorParsingTests.SetRateLimit(r, 450, 0, reset));

        var error = await Assert.ThrowsAsync<XRateLimitExceededException>(() => StubHandler.Client(stub).ListWebhooksAsync());

        Assert.True(error.IsRateLimited);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(reset), error.ResetAt);
        Assert.Equal(0, error.RateLimit?.Remaining);
        Assert.Equal("Too Many Requests", error.Title);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_reset_within_the_allowed_wait_is_waited_out_and_the_call_retried_once()
    {
        var now = DateTimeOffset.UtcNow;
        var reset = now.AddSeconds(1).ToUnixTimeSeconds();
        var stub = new StubHandler()
            .Respond(HttpStatusCode.TooManyRequests, TooMany, r => ErrorParsingTests.SetRateLimit(r, 450, 0, reset))
            .Respond(HttpStatusCode.OK, """{"data":[{"id":"1","url":"https://a.example/x","valid":true}]}""", r => ErrorParsingTests.SetRateLimit(r, 450, 449, reset + 900));
        var watch = Stopwatch.StartNew();

        var webhooks = await StubHandler.Client(stub, maxRateLimitWait: TimeSpan.FromSeconds(10)).ListWebhooksAsync();

        Assert.Single(webhooks);
        Assert.Equal(2, stub.Requests.Count);
        Assert.True(DateTimeOffset.UtcNow >= DateTimeOffset.FromUnixTimeSeconds(reset), "retried before the window reset");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"waited {watch.Elapsed}");
    }

    [Fact]
    public async Task A_second_429_after_waiting_throws()
    {
        var reset = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var stub = new StubHandler()
            .Respond(HttpStatusCode.TooManyRequests, TooMany, r => ErrorParsingTests.SetRateLimit(r, 450, 0, reset))
            .Respond(HttpStatusCode.TooManyRequests, TooMany, r => ErrorParsingTests.SetRateLimit(r, 450, 0, reset + 900));

        var error = await Assert.ThrowsAsync<XRateLimitExceededException>(() => StubHandler.Client(stub, maxRateLimitWait: TimeSpan.FromSeconds(5)).ListWebhooksAsync());

        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(reset + 900), error.ResetAt);
    }

    [Fact]
    public async Task A_reset_beyond_the_allowed_wait_throws_at_once()
    {
        var reset = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var stub = new StubHandler().Respond(HttpStatusCode.TooManyRequests, TooMany, r => ErrorParsingTests.SetRateLimit(r, 450, 0, reset));

        await Assert.ThrowsAsync<XRateLimitExceededException>(() => StubHandler.Client(stub, maxRateLimitWait: TimeSpan.FromMinutes(1)).ListWebhooksAsync());

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Retry_after_is_used_when_the_rate_limit_headers_are_missing()
    {
        var stub = new StubHandler()
            .Respond(HttpStatusCode.TooManyRequests, TooMany, r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMilliseconds(100)))
            .Respond(HttpStatusCode.OK, """{"data":[]}""");

        await StubHandler.Client(stub, maxRateLimitWait: TimeSpan.FromSeconds(5)).ListWebhooksAsync();

        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_429_without_any_reset_information_throws_even_when_waiting_is_allowed()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.TooManyRequests, TooMany);

        var error = await Assert.ThrowsAsync<XRateLimitExceededException>(() => StubHandler.Client(stub, maxRateLimitWait: TimeSpan.FromMinutes(15)).ListWebhooksAsync());

        Assert.Null(error.ResetAt);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeSeconds();
        var stub = new StubHandler().Respond(HttpStatusCode.TooManyRequests, TooMany, r => ErrorParsingTests.SetRateLimit(r, 450, 0, reset));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StubHandler.Client(stub, maxRateLimitWait: TimeSpan.FromMinutes(1)).ListWebhooksAsync(cts.Token));
        Assert.Single(stub.Requests);
    }
}
