using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using XWebhooks.Diagnostics;

namespace XWebhooks.Recovery.Tests;

/// <summary>The hosted service with a fake clock, a fake X and an in-memory watermark: what it asks X, what it counts.</summary>
public sealed class GapRecoveryServiceTests : IDisposable
{
    private const string WebhookId = "1146654567674912769";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeWebhookManagement x = new();
    private readonly DeliveryWatermarkRecorder recorder = new();
    private readonly XWebhooksGapRecoveryOptions options = new() { WebhookId = WebhookId, MinimumToDateAge = TimeSpan.Zero };
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly CounterRecorder replays;
    private readonly GapRecoveryMetrics metrics;

    public GapRecoveryServiceTests()
    {
        var factory = meters.GetRequiredService<IMeterFactory>();
        metrics = new GapRecoveryMetrics(factory);
        replays = new CounterRecorder(factory, "xwebhooks.gap_recovery.replays");
    }

    public void Dispose()
    {
        replays.Dispose();
        meters.Dispose();
    }

    private async Task<string> RunAsync(DateTimeOffset? previous, IXDeliveryWatermark? store = null)
    {
        recorder.SetPreviousRun(previous);
        var service = new GapRecoveryService(recorder, store ?? new RecordingWatermark(), x, Options.Create(options), metrics, clock,
            NullLogger<GapRecoveryService>.Instance, dedupe: null) { RetryDelays = [TimeSpan.Zero, TimeSpan.Zero] };
        await service.StartAsync(CancellationToken.None);
        var outcome = await service.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        await service.StopAsync(CancellationToken.None);
        return outcome;
    }

    private (string Outcome, bool Capped) Counted()
    {
        var measurement = Assert.Single(replays.Measurements);
        Assert.Equal(1, measurement.Value);
        return ((string)measurement.Tags["outcome"]!, (bool)measurement.Tags["window_capped"]!);
    }

    [Fact]
    public async Task First_run_requests_nothing()
    {
        Assert.Equal(XWebhooksOutcomes.ReplayNoWatermark, await RunAsync(null));
        Assert.Empty(x.ReplayRequests);
        Assert.Equal((XWebhooksOutcomes.ReplayNoWatermark, false), Counted());
    }

    [Fact]
    public async Task Small_gap_requests_nothing()
    {
        Assert.Equal(XWebhooksOutcomes.ReplayGapTooSmall, await RunAsync(clock.GetUtcNow().AddSeconds(-30)));
        Assert.Empty(x.ReplayRequests);
    }

    [Fact]
    public async Task Gap_is_replayed_from_watermark_minus_margin_to_the_start()
    {
        var start = clock.GetUtcNow();
        var last = start.AddHours(-2);

        Assert.Equal(XWebhooksOutcomes.ReplayCreated, await RunAsync(last));

        Assert.Equal([(WebhookId, last - options.Margin, start)], x.ReplayRequests);
        Assert.Equal((XWebhooksOutcomes.ReplayCreated, false), Counted());
    }

    [Fact]
    public async Task Gap_longer_than_24_hours_is_capped_and_counted_as_capped()
    {
        var start = clock.GetUtcNow(); // 12:00:00
        Assert.Equal(XWebhooksOutcomes.ReplayCreated, await RunAsync(start.AddDays(-2)));

        var request = Assert.Single(x.ReplayRequests);
        Assert.Equal(start.AddHours(-24).AddMinutes(1), request.From);
        Assert.Equal(start, request.To);
        Assert.Equal((XWebhooksOutcomes.ReplayCreated, true), Counted());
    }

    [Fact]
    public async Task Webhook_id_from_the_registration_helper_is_used()
    {
        options.WebhookId = null;
        x.RegisteredWebhookId = "42";
        await RunAsync(clock.GetUtcNow().AddHours(-1));
        Assert.Equal("42", Assert.Single(x.ReplayRequests).WebhookId);
    }

    [Fact]
    public async Task Without_a_client_or_webhook_id_nothing_is_requested()
    {
        x.IsAvailable = false;
        Assert.Equal(XWebhooksOutcomes.ReplayNotConfigured, await RunAsync(clock.GetUtcNow().AddHours(-1)));
        Assert.Empty(x.ReplayRequests);
    }

    [Theory]
    [InlineData((int)ReplayRequestOutcome.Conflict, XWebhooksOutcomes.ReplayConflict)]
    [InlineData((int)ReplayRequestOutcome.InvalidWindow, XWebhooksOutcomes.ReplayInvalidWindow)]
    [InlineData((int)ReplayRequestOutcome.Rejected, XWebhooksOutcomes.ReplayRejected)]
    public async Task Refusals_are_logged_and_counted_without_asking_again(int refusal, string outcome)
    {
        x.ReplayAnswers.Enqueue(new ReplayRequestResult((ReplayRequestOutcome)refusal, null, "refused"));
        Assert.Equal(outcome, await RunAsync(clock.GetUtcNow().AddHours(-1)));
        Assert.Single(x.ReplayRequests);
        Assert.Equal((outcome, false), Counted());
    }

    [Fact]
    public async Task Unreachable_x_is_tried_again_then_counted_as_failed()
    {
        x.ReplayAnswers.Enqueue(new HttpRequestException("refused"));
        x.ReplayAnswers.Enqueue(new HttpRequestException("refused"));
        Assert.Equal(XWebhooksOutcomes.ReplayCreated, await RunAsync(clock.GetUtcNow().AddHours(-1)));
        Assert.Equal(3, x.ReplayRequests.Count);
    }

    [Fact]
    public async Task Unreachable_x_after_every_attempt_is_a_failure()
    {
        for (var i = 0; i < 3; i++)
        {
            x.ReplayAnswers.Enqueue(new HttpRequestException("refused"));
        }

        Assert.Equal(XWebhooksOutcomes.ReplayFailed, await RunAsync(clock.GetUtcNow().AddHours(-1)));
        Assert.Equal(3, x.ReplayRequests.Count);
    }

    [Fact]
    public async Task Unreadable_watermark_is_a_failure()
    {
        recorder.SetPreviousRunUnavailable(new InvalidOperationException("store down"));
        Assert.Equal(XWebhooksOutcomes.ReplayFailed, await RunAsync(null));
        Assert.Empty(x.ReplayRequests);
    }
}
