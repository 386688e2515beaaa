using XWebhooks.OptionsValidation;

namespace XWebhooks.Inbox;

/// <summary>
/// How the inbox worker processes stored deliveries, bound from <c>XWebhooks:Inbox</c>. Retries back off
/// exponentially with jitter: attempt n waits between half and all of
/// min(<see cref="MaxRetryDelay"/>, <see cref="InitialRetryDelay"/> × 2^(n−1)).
/// </summary>
public sealed class XWebhooksInboxOptions : IOptionsSection
{
    /// <summary>The configuration section name relative to <c>XWebhooks</c>: <c>Inbox</c>.</summary>
    public const string SectionName = "Inbox";

    string IOptionsSection.SectionPath => "XWebhooks:Inbox";

    /// <summary>Processing attempts before a delivery goes to the dead letter. Default 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay before the first retry. Default 1 second.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between retries. Default 5 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a worker owns a leased delivery; a worker that dies loses it to others after this. Default 2 minutes.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the handlers of one delivery may run before the attempt counts as failed. Default 1 minute; keep it below <see cref="LeaseDuration"/>.</summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Deliveries processed at once. Default 64: each lease waits for the store's writer, which may be in an fsync, so
    /// fewer slots cap the worker below the rate the POST path accepts (docs/reliability.md has the measurements).
    /// </summary>
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>How often an idle worker looks for due retries and reclaimable leases. Default 1 second; new appends wake it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
