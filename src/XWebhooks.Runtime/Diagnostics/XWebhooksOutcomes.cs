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
}
