using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using XWebhooks.Health;
using XWebhooks.Recovery;
using XWebhooks.Security;

namespace XWebhooks.Management.Tests.Health;

/// <summary>The health verdicts and their data, with a fake clock and a fake X.</summary>
public sealed class HealthCheckTests
{
    private const string WebhookId = "1146654567674912769";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeWebhookManagement x = new();
    private readonly XWebhooksHealthCheckOptions settings = new() { WebhookId = WebhookId };
    private readonly XWebhooksHealthState state;

    public HealthCheckTests()
    {
        state = new XWebhooksHealthState(clock, Options.Create(settings));
        x.Webhooks[WebhookId] = true;
    }

    private async Task<HealthCheckResult> CheckAsync()
    {
        var check = new XWebhooksHealthCheck(state, Options.Create(settings), Options.Create(new XWebhooksGapRecoveryOptions()), x, new WebhookStatusCache(x, clock), clock);
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("xwebhooks", check, failureStatus: null, tags: null) };
        return await check.CheckHealthAsync(context);
    }

    private void Signed(int verified, int failed)
    {
        for (var i = 0; i < verified; i++)
        {
            state.SignatureChecked(XSignatureCheck.ValidPrimary);
        }

        for (var i = 0; i < failed; i++)
        {
            state.SignatureChecked(i % 2 == 0 ? XSignatureCheck.Mismatch : XSignatureCheck.Malformed);
        }
    }

    [Fact]
    public async Task Healthy_with_a_recent_crc_valid_webhook_and_verified_deliveries()
    {
        clock.Advance(TimeSpan.FromHours(3));
        state.CrcChecked(answered: true, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(30));
        Signed(verified: 50, failed: 2);

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(1800d, result.Data["last_crc_age_seconds"]);
        Assert.Equal("last_crc", result.Data["last_crc_measured_from"]);
        Assert.Equal(52L, result.Data["signature_attempts"]);
        Assert.Equal(2L, result.Data["signature_failures"]);
        Assert.Equal(0.0385, result.Data["signature_failure_rate"]);
        Assert.Equal(true, result.Data["webhook_valid"]);
        Assert.Equal(WebhookId, result.Data["webhook_id"]);
    }

    [Fact]
    public async Task Degraded_when_signature_failures_exceed_the_rate()
    {
        state.CrcChecked(answered: true, clock.GetUtcNow());
        Signed(verified: 15, failed: 5);

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("5 of 20 signed requests", result.Description);
        Assert.Equal(0.25, result.Data["signature_failure_rate"]);
    }

    [Fact]
    public async Task Failure_rate_needs_the_minimum_attempts_and_leaves_the_window()
    {
        state.CrcChecked(answered: true, clock.GetUtcNow());
        Signed(verified: 2, failed: 8); // 80 % but only 10 attempts
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);

        Signed(verified: 0, failed: 10);
        Assert.Equal(HealthStatus.Degraded, (await CheckAsync()).Status);

        clock.Advance(settings.SignatureWindow + TimeSpan.FromMinutes(1));
        state.CrcChecked(answered: true, clock.GetUtcNow());
        var later = await CheckAsync();
        Assert.Equal(HealthStatus.Healthy, later.Status);
        Assert.Equal(0L, later.Data["signature_attempts"]);
    }

    [Fact]
    public async Task Requests_without_a_signature_header_are_not_counted()
    {
        state.CrcChecked(answered: true, clock.GetUtcNow());
        for (var i = 0; i < 100; i++)
        {
            state.SignatureChecked(XSignatureCheck.Missing);
        }

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Unhealthy_when_no_crc_was_answered_for_longer_than_the_threshold()
    {
        state.CrcChecked(answered: true, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(25) + TimeSpan.FromSeconds(1));

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("No CRC challenge answered for 1.01:00:01", result.Description);
        Assert.Equal(90001d, result.Data["last_crc_age_seconds"]);
    }

    [Fact]
    public async Task Crc_age_is_measured_from_start_until_the_first_crc()
    {
        clock.Advance(TimeSpan.FromHours(24));
        var young = await CheckAsync();
        Assert.Equal(HealthStatus.Healthy, young.Status);
        Assert.Equal("start", young.Data["last_crc_measured_from"]);
        Assert.False(young.Data.ContainsKey("last_crc_answered_at"));

        clock.Advance(TimeSpan.FromHours(2));
        var stale = await CheckAsync();
        Assert.Equal(HealthStatus.Unhealthy, stale.Status);
        Assert.Contains("since start", stale.Description);
    }

    [Fact]
    public async Task Unhealthy_when_x_reports_the_webhook_invalid()
    {
        state.CrcChecked(answered: true, clock.GetUtcNow());
        x.Webhooks[WebhookId] = false;

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("invalid", result.Description);
        Assert.Equal(false, result.Data["webhook_valid"]);
    }

    [Fact]
    public async Task Unhealthy_when_x_does_not_list_the_webhook()
    {
        state.CrcChecked(answered: true, clock.GetUtcNow());
        x.Webhooks.Clear();

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("lists no webhook", result.Description);
    }

    [Fact]
    public async Task A_failing_management_call_is_degraded_not_unhealthy()
    {
        state.CrcChecked(answered: true, clock.GetUtcNow());
        x.Failure = new HttpRequestException("connection refused");

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("connection refused", result.Description);
        Assert.Equal("unknown", result.Data["webhook_valid"]);
    }

    [Fact]
    public async Task X_is_asked_once_per_cache_duration()
    {
        state.CrcChecked(answered: true, clock.GetUtcNow());
        await CheckAsync();
        var cache = new WebhookStatusCache(x, clock);
        await cache.GetAsync(WebhookId, TimeSpan.FromMinutes(5), CancellationToken.None);
        await cache.GetAsync(WebhookId, TimeSpan.FromMinutes(5), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(4));
        x.Webhooks[WebhookId] = false;
        Assert.Equal(true, (await cache.GetAsync(WebhookId, TimeSpan.FromMinutes(5), CancellationToken.None)).Valid);
        Assert.Equal(2, x.ValidityCalls); // one per cache: CheckAsync's and this one's

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(false, (await cache.GetAsync(WebhookId, TimeSpan.FromMinutes(5), CancellationToken.None)).Valid);
        Assert.Equal(3, x.ValidityCalls);
    }

    [Fact]
    public async Task Webhook_is_not_checked_without_a_client_or_an_id()
    {
        state.CrcChecked(answered: true, clock.GetUtcNow());
        x.IsAvailable = false;
        Assert.False((await CheckAsync()).Data.ContainsKey("webhook_valid"));

        x.IsAvailable = true;
        settings.WebhookId = null;
        Assert.False((await CheckAsync()).Data.ContainsKey("webhook_valid"));

        x.RegisteredWebhookId = WebhookId; // resolved by the client's registration helper
        Assert.True((await CheckAsync()).Data.ContainsKey("webhook_valid"));
        Assert.Equal(1, x.ValidityCalls);
    }
}
