namespace XWebhooks.Recovery.Tests;

/// <summary>The decisions: no watermark, small gap, replay window with margin, and the 24-hour cap.</summary>
public sealed class GapRecoveryPlannerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 20, TimeSpan.Zero);
    private readonly XWebhooksGapRecoveryOptions options = new() { MinimumGap = TimeSpan.FromMinutes(2), Margin = TimeSpan.FromMinutes(5) };

    [Fact]
    public void No_watermark_means_first_run_and_no_replay()
    {
        var plan = GapRecoveryPlanner.Plan(null, Start, options);
        Assert.Equal(GapRecoveryDecision.NoWatermark, plan.Decision);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    [InlineData(120)]
    public void Gap_up_to_the_minimum_is_left_to_x_retries(int secondsDown)
    {
        var plan = GapRecoveryPlanner.Plan(Start.AddSeconds(-secondsDown), Start, options);
        Assert.Equal(GapRecoveryDecision.GapTooSmall, plan.Decision);
        Assert.Equal(TimeSpan.FromSeconds(secondsDown), plan.Gap);
    }

    [Fact]
    public void Longer_gap_replays_from_the_watermark_minus_the_margin_to_the_end_of_the_start_minute()
    {
        var last = Start.AddMinutes(-47);
        var plan = GapRecoveryPlanner.Plan(last, Start, options);

        Assert.Equal(GapRecoveryDecision.Replay, plan.Decision);
        Assert.Equal(TimeSpan.FromMinutes(47), plan.Gap);
        Assert.Equal(last.AddMinutes(-5), plan.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 12, 1, 0, TimeSpan.Zero), plan.To); // started 12:00:20
    }

    [Fact]
    public void Start_on_a_whole_minute_is_its_own_end()
    {
        var start = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(start, GapRecoveryPlanner.Plan(start.AddHours(-1), start, options).To);
    }

    [Fact]
    public void Window_inside_24_hours_is_not_capped()
    {
        var (from, capped) = GapRecoveryPlanner.CapToReplayWindow(Start.AddHours(-23), Start);
        Assert.False(capped);
        Assert.Equal(Start.AddHours(-23), from);
    }

    [Fact]
    public void Window_past_24_hours_is_capped_to_whole_minutes_inside_them()
    {
        // Down three days: X keeps 24 hours. 12:00:20 - 24 h rounds up to 12:01, plus a minute for clock skew.
        var (from, capped) = GapRecoveryPlanner.CapToReplayWindow(Start.AddDays(-3), Start);
        Assert.True(capped);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 12, 2, 0, TimeSpan.Zero), from);
        Assert.True(Start - from < XWebhooksGapRecoveryOptions.MaxReplayWindow);
    }

    [Fact]
    public void Watermark_just_under_24_hours_old_is_capped_when_the_margin_crosses_them()
    {
        var plan = GapRecoveryPlanner.Plan(Start.AddHours(-24).AddMinutes(2), Start, options);
        var (from, capped) = GapRecoveryPlanner.CapToReplayWindow(plan.From, Start);
        Assert.True(capped);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 12, 2, 0, TimeSpan.Zero), from);
    }
}
