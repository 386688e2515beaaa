namespace XWebhooks.Management;

/// <summary>
/// The failure reasons X documents for the webhook and subscription endpoints. X does not document where the
/// reason appears, so <see cref="XApiException"/> finds them as substrings of the error's title, detail, message,
/// reason and type.
/// </summary>
public enum XApiErrorReason
{
    /// <summary>The webhook URL did not answer the CRC challenge correctly (timeout, wrong response token).</summary>
    CrcValidationFailed,

    /// <summary>The URL does not meet X's requirements (https, no port, at most 200 characters).</summary>
    UrlValidationFailed,

    /// <summary>This app already registered the URL.</summary>
    DuplicateUrlFailed,

    /// <summary>The account reached its number of webhooks (one on self-serve tiers).</summary>
    WebhookLimitExceeded,

    /// <summary>No such webhook.</summary>
    WebhookIdInvalid,

    /// <summary>A query or body parameter is invalid (for a replay: window older than 24 h, in the future, from after to).</summary>
    QueryParamInvalid,

    /// <summary>A replay job is already running for the webhook.</summary>
    ReplayConflictError,

    /// <summary>The user is already subscribed.</summary>
    DuplicateSubscriptionFailed,

    /// <summary>The subscription limit of the tier is reached.</summary>
    SubscriptionLimitExceeded,

    /// <summary>No such subscription.</summary>
    SubscriptionNotFound,
}
