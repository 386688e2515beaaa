using System.Diagnostics;
using XWebhooks.Security;

namespace XWebhooks.Diagnostics;

/// <summary>
/// The <c>XWebhooks</c> activity source: a server span per delivery (<see cref="DeliverySpanName"/>) and a consumer span
/// per inbox attempt (<see cref="InboxAttemptSpanName"/>) linked to the delivery that stored the entry. Attributes say
/// what was received and how it ended (product, event types, signature result, outcome), never bodies, headers or
/// secrets. Without a listener <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null and every
/// method here returns at once, so the receive path allocates nothing for tracing.
/// </summary>
internal static class XWebhooksTracing
{
    /// <summary>The source name to subscribe to (OpenTelemetry: <c>AddSource("XWebhooks")</c>).</summary>
    public const string SourceName = XWebhooksTelemetry.ActivitySourceName;

    public const string DeliverySpanName = "XWebhooks receive";
    public const string InboxAttemptSpanName = "XWebhooks process";

    public const string ProductTag = "xwebhooks.product";
    public const string EventTypesTag = "xwebhooks.event.types";
    public const string OutcomeTag = "xwebhooks.outcome";
    public const string SignatureResultTag = "xwebhooks.signature.result";
    public const string SignatureHeaderTag = "xwebhooks.signature.header";
    public const string InboxEntryIdTag = "xwebhooks.inbox.entry_id";
    public const string InboxAttemptTag = "xwebhooks.inbox.attempt";
    public const string StatusCodeTag = "http.response.status_code";
    public const string ErrorTypeTag = "error.type";

    /// <summary>Inbox attempt outcomes: the entry was completed, rescheduled, or moved to the dead letter.</summary>
    public const string InboxCompleted = "completed";
    public const string InboxRetried = "retried";
    public const string InboxDeadLettered = "dead_lettered";

    private static readonly ActivitySource Source = new(SourceName, typeof(XWebhooksTracing).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the span of one POST; it is <see cref="Activity.Current"/> while inline handlers run, so their spans nest under it.</summary>
    public static Activity? StartDelivery() => Source.StartActivity(DeliverySpanName, ActivityKind.Server);

    /// <summary>Records how the POST ended. Outcomes answered 5xx (ours to fix, or X redelivers) mark the span as an error.</summary>
    public static void DeliveryCompleted(Activity? span, string outcome, XProduct product, int statusCode)
    {
        if (span is not { IsAllDataRequested: true })
        {
            return;
        }

        span.SetTag(ProductTag, ProductNames.Of(product));
        span.SetTag(OutcomeTag, outcome);
        if (statusCode != 0)
        {
            span.SetTag(StatusCodeTag, statusCode);
        }

        if (outcome is XWebhooksOutcomes.HandlerFailed or XWebhooksOutcomes.BudgetExceeded or XWebhooksOutcomes.StoreFailed)
        {
            SetError(span, outcome);
        }
    }

    /// <summary>Records the signature check on the current delivery span (the check never sees the span itself).</summary>
    public static void SignatureChecked(XSignatureResult result)
    {
        if (RecordingSpan() is not { } span)
        {
            return;
        }

        span.SetTag(SignatureResultTag, result.Check switch
        {
            XSignatureCheck.Missing => "missing",
            XSignatureCheck.Malformed => "malformed",
            XSignatureCheck.Mismatch => "mismatch",
            XSignatureCheck.ValidPrimary => "valid_primary",
            XSignatureCheck.ValidSecondary => "valid_secondary",
            XSignatureCheck.SecretNotConfigured => "secret_not_configured",
            _ => "unknown",
        });
        span.SetTag(SignatureHeaderTag, result.Header == XSignatureHeader.OAuth2 ? "oauth2" : "classic");
    }

    /// <summary>
    /// The current XWebhooks span (delivery or inbox attempt) when it records attributes; null otherwise, so callers
    /// skip gathering what only a span would use.
    /// </summary>
    public static Activity? RecordingSpan() =>
        Activity.Current is { IsAllDataRequested: true } current && ReferenceEquals(current.Source, Source) ? current : null;

    /// <summary>Adds <paramref name="type"/> to the distinct event types of a traced delivery (call only with a recording span).</summary>
    public static void CollectEventType(ref List<string>? types, string type)
    {
        types ??= [];
        if (!types.Contains(type))
        {
            types.Add(type);
        }
    }

    /// <summary>Records the distinct event types located in the body, routed or not.</summary>
    public static void EventTypesLocated(Activity? span, List<string>? types) =>
        span?.SetTag(EventTypesTag, types is null ? Array.Empty<string>() : types.ToArray());

    /// <summary>
    /// The W3C <c>traceparent</c> of the current delivery span, stored with an inbox entry so the attempt that processes
    /// it later (maybe in another process) links back to it; null when the delivery is not traced.
    /// </summary>
    public static string? CurrentTraceParent() =>
        RecordingSpan() is { IdFormat: ActivityIdFormat.W3C } span ? span.Id : null;

    /// <summary>Starts the span of one processing attempt of an inbox entry, linked to the delivery span that stored it.</summary>
    /// <param name="traceParent">The <see cref="CurrentTraceParent"/> stored with the entry, when the store keeps it.</param>
    /// <param name="entryId">The store's id of the entry.</param>
    /// <param name="attempt">1 for the first attempt.</param>
    public static Activity? StartInboxAttempt(string? traceParent, string entryId, int attempt)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        ActivityLink[]? links = traceParent is not null && ActivityContext.TryParse(traceParent, null, out var delivery)
            ? [new ActivityLink(delivery)]
            : null;
        var span = Source.StartActivity(InboxAttemptSpanName, ActivityKind.Consumer, parentContext: default, links: links);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(InboxEntryIdTag, entryId);
            span.SetTag(InboxAttemptTag, attempt);
        }

        return span;
    }

    /// <summary>Records how an inbox attempt ended; a retry or a dead letter marks the span as an error.</summary>
    public static void InboxAttemptCompleted(Activity? span, string outcome, XProduct? product)
    {
        if (span is not { IsAllDataRequested: true })
        {
            return;
        }

        if (product is { } known)
        {
            span.SetTag(ProductTag, ProductNames.Of(known));
        }

        span.SetTag(OutcomeTag, outcome);
        if (outcome != InboxCompleted)
        {
            SetError(span, outcome);
        }
    }

    private static void SetError(Activity span, string errorType)
    {
        span.SetStatus(ActivityStatusCode.Error);
        span.SetTag(ErrorTypeTag, errorType);
    }
}
