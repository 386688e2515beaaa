using System.Net;

namespace XWebhooks.Management;

/// <summary>
/// X answered 429 Too Many Requests and the window does not reset within
/// <see cref="XWebhooksClientOptions.MaxRateLimitWait"/> (or the call was already retried once after waiting).
/// </summary>
public sealed class XRateLimitExceededException : XApiException
{
    /// <summary>Creates the exception.</summary>
    public XRateLimitExceededException(string message, DateTimeOffset? resetAt, string? title = null, string? detail = null, string? type = null, IReadOnlyList<XApiError>? errors = null, XRateLimit? rateLimit = null)
        : base(message, HttpStatusCode.TooManyRequests, title, detail, type, errors, rateLimit) =>
        ResetAt = resetAt;

    /// <summary>When the rate-limit window resets (from <c>x-rate-limit-reset</c>, else <c>Retry-After</c>); null when X sent neither.</summary>
    public DateTimeOffset? ResetAt { get; }
}
