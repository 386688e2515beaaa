namespace XWebhooks.Diagnostics;

/// <summary>Values of the <c>outcome</c> tag on XWebhooks metrics.</summary>
public static class XWebhooksOutcomes
{
    /// <summary>Delivery verified and handled; answered 200.</summary>
    public const string Accepted = "accepted";

    /// <summary>Signature missing, malformed or wrong; answered 401 without parsing.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>Body over <c>MaxBodyBytes</c>; answered 413.</summary>
    public const string TooLarge = "too_large";

    /// <summary>Verified body that is not a JSON object; answered 400.</summary>
    public const string Malformed = "malformed";

    /// <summary>A handler threw; answered 500 so X redelivers.</summary>
    public const string HandlerFailed = "handler_failed";

    /// <summary>Handlers overran the response budget; answered 503 so X redelivers.</summary>
    public const string BudgetExceeded = "budget_exceeded";

    /// <summary>Delivery verified and durably stored in the inbox; answered 200, handlers run later.</summary>
    public const string Queued = "queued";

    /// <summary>
    /// Inbox mode with a dedupe store: every event of the delivery was already processed (a retry or replay of X's);
    /// answered 200 without storing it.
    /// </summary>
    public const string Duplicate = "duplicate";

    /// <summary>The inbox store failed to take a verified delivery; answered 503 so X redelivers.</summary>
    public const string StoreFailed = "store_failed";

    /// <summary>The client went away before an answer.</summary>
    public const string Aborted = "aborted";

    /// <summary>An event a handler took and completed.</summary>
    public const string Handled = "handled";

    /// <summary>An event no handler takes: acknowledged, counted and skipped unread.</summary>
    public const string Unhandled = "unhandled";

    /// <summary>An event whose handlers threw or overran the budget.</summary>
    public const string Failed = "failed";

    /// <summary>A CRC answered with a response token.</summary>
    public const string CrcAnswered = "answered";

    /// <summary>A CRC refused because the token was missing or not token-shaped.</summary>
    public const string CrcRefused = "refused";

    /// <summary>Gap recovery: X created a replay job for the downtime.</summary>
    public const string ReplayCreated = "created";

    /// <summary>Gap recovery: no watermark was stored (first run, or no durable store), so nothing was replayed.</summary>
    public const string ReplayNoWatermark = "no_watermark";

    /// <summary>Gap recovery: the downtime was shorter than <c>MinimumGap</c>; X's retries cover it.</summary>
    public const string ReplayGapTooSmall = "no_gap";

    /// <summary>Gap recovery: a replay was due but no management client or webhook id is configured.</summary>
    public const string ReplayNotConfigured = "not_configured";

    /// <summary>Gap recovery: X answered <c>ReplayConflictError</c> (a replay job is already running).</summary>
    public const string ReplayConflict = "conflict";

    /// <summary>Gap recovery: X answered <c>QueryParamInvalid</c> (it refused the window).</summary>
    public const string ReplayInvalidWindow = "invalid_window";

    /// <summary>Gap recovery: X refused the request for another reason.</summary>
    public const string ReplayRejected = "rejected";

    /// <summary>Gap recovery: the watermark could not be read, or X could not be reached.</summary>
    public const string ReplayFailed = "failed";
}
