using XWebhooks.OptionsValidation;

namespace XWebhooks.Recovery;

/// <summary>Settings of gap recovery (<c>AddGapRecovery</c>): when and which window to ask X to replay after downtime.</summary>
public sealed class XWebhooksGapRecoveryOptions : IOptionsSection
{
    /// <summary>The longest window X replays: events from up to the past 24 hours.</summary>
    public static readonly TimeSpan MaxReplayWindow = TimeSpan.FromHours(24);

    string IOptionsSection.SectionPath => "XWebhooks:GapRecovery";

    /// <summary>
    /// The X webhook id (digits) to replay into. When null, the id resolved by the management client's
    /// registration helper is used; without either, gap recovery logs that it cannot run.
    /// </summary>
    public string? WebhookId { get; set; }

    /// <summary>
    /// A replay is requested only when the last acknowledged delivery is older than this at start: shorter gaps
    /// (a quick restart) are covered by X's own retries. Default 2 minutes.
    /// </summary>
    public TimeSpan MinimumGap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The replay starts this long before the last acknowledged delivery, to cover the watermark's flush interval
    /// (it may be a few seconds old after a crash), deliveries that were in flight and clock differences with X.
    /// Overlapping events are removed by dedupe. Default 5 minutes.
    /// </summary>
    public TimeSpan Margin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// X documents that a replay's <c>to_date</c> must lie at least 10 minutes in the past, so by default the
    /// replay job is requested about 10 minutes after start, covering up to the start (rounded up to the minute).
    /// Set <see cref="TimeSpan.Zero"/> for a local emulator that relaxes the rule: the request then waits only
    /// for the minute of the start to end, since <c>to_date</c> may not lie in the future.
    /// </summary>
    public TimeSpan MinimumToDateAge { get; set; } = TimeSpan.FromMinutes(10);
}
