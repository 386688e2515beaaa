namespace XWebhooks.Recovery;

/// <summary>The pure decisions of gap recovery, kept apart from I/O and clocks so they can be tested exhaustively.</summary>
internal static class GapRecoveryPlanner
{
    /// <summary>
    /// Decides from the previous run's watermark and the time this run started: no watermark → nothing; a gap up to
    /// <see cref="XWebhooksGapRecoveryOptions.MinimumGap"/> → nothing; otherwise replay from the watermark minus
    /// <see cref="XWebhooksGapRecoveryOptions.Margin"/> to the start, rounded up to a whole minute: X reads
    /// <c>to_date</c> as a minute (<c>yyyyMMddHHmm</c>, inclusive), and events of the minute of the start must be in.
    /// </summary>
    public static GapRecoveryPlan Plan(DateTimeOffset? lastReceived, DateTimeOffset startedAt, XWebhooksGapRecoveryOptions options)
    {
        if (lastReceived is not { } last)
        {
            return new(GapRecoveryDecision.NoWatermark, null, TimeSpan.Zero, startedAt, startedAt);
        }

        var gap = startedAt - last;
        return gap <= options.MinimumGap
            ? new(GapRecoveryDecision.GapTooSmall, last, gap, startedAt, startedAt)
            : new(GapRecoveryDecision.Replay, last, gap, last - options.Margin, CeilingToMinute(startedAt));
    }

    /// <summary>
    /// Moves <paramref name="from"/> forward into the 24 hours X replays, as counted when the request is made at
    /// <paramref name="requestAt"/>. X reads whole minutes (<c>yyyyMMddHHmm</c>), so the earliest allowed start is
    /// rounded up to a minute plus one more minute for clock differences with X. Returns whether it moved.
    /// </summary>
    public static (DateTimeOffset From, bool Capped) CapToReplayWindow(DateTimeOffset from, DateTimeOffset requestAt)
    {
        var earliest = CeilingToMinute(requestAt - XWebhooksGapRecoveryOptions.MaxReplayWindow) + TimeSpan.FromMinutes(1);
        return from < earliest ? (earliest, true) : (from, false);
    }

    internal static DateTimeOffset CeilingToMinute(DateTimeOffset value)
    {
        var remainder = value.UtcTicks % TimeSpan.TicksPerMinute;
        return remainder == 0 ? value : value.AddTicks(TimeSpan.TicksPerMinute - remainder);
    }
}
