using System.Net;

namespace XWebhooks.Management;

/// <summary>
/// X answered a management call with an error status (or a success status carrying only <c>errors</c>).
/// Carries X's Problem fields, every error entry, the documented reasons found in them and the rate limit of the
/// answer. Never contains the bearer token.
/// </summary>
public class XApiException : Exception
{
    /// <summary>Creates the exception; <see cref="Reasons"/> are found in <paramref name="title"/>, <paramref name="detail"/>, <paramref name="type"/> and <paramref name="errors"/>.</summary>
    public XApiException(string message, HttpStatusCode statusCode, string? title = null, string? detail = null, string? type = null, IReadOnlyList<XApiError>? errors = null, XRateLimit? rateLimit = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Title = title;
        Detail = detail;
        Type = type;
        Errors = errors ?? [];
        RateLimit = rateLimit;
        Reasons = XApiErrorReasons.Find(title, detail, type, Errors);
    }

    /// <summary>The HTTP status of X's answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>X's <c>title</c> (top level, else of the first error).</summary>
    public string? Title { get; }

    /// <summary>X's <c>detail</c> (top level, else of the first error).</summary>
    public string? Detail { get; }

    /// <summary>X's problem <c>type</c> URI (top level, else of the first error).</summary>
    public string? Type { get; }

    /// <summary>Every entry of X's <c>errors</c> array; empty when there was none.</summary>
    public IReadOnlyList<XApiError> Errors { get; }

    /// <summary>The documented reasons (<c>DuplicateUrlFailed</c>, <c>WebhookIdInvalid</c>, …) found anywhere in the error, in enum order.</summary>
    public IReadOnlyList<XApiErrorReason> Reasons { get; }

    /// <summary>The rate limit reported with the failed answer, when X sent the headers.</summary>
    public XRateLimit? RateLimit { get; }

    /// <summary>Whether X's answer was 429 Too Many Requests (then this is an <see cref="XRateLimitExceededException"/>).</summary>
    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>Whether <paramref name="reason"/> was found in the error.</summary>
    public bool HasReason(XApiErrorReason reason) => Reasons.Contains(reason);
}
