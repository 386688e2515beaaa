using System.Diagnostics;
using System.Net;
using XWebhooks.Diagnostics;

namespace XWebhooks.Management;

/// <summary>
/// Client spans of <see cref="XWebhooksClient"/> calls on the <c>XWebhooks</c> activity source: one span per call named
/// after the client method (<c>XWebhooks CreateWebhook</c>), around its rate-limit wait and retry, so the HTTP spans of
/// <see cref="HttpClient"/> nest under it. Attributes: method, X's status code, error type; never paths (they hold user
/// ids), bodies or tokens. Its own <see cref="ActivitySource"/> instance under the receiver's name: listeners match by
/// name, and the management package needs nothing internal from the receiver for it.
/// </summary>
internal static class ManagementTracing
{
    public const string SourceName = XWebhooksTelemetry.ActivitySourceName;
    public const string OperationTag = "xwebhooks.operation";
    public const string MethodTag = "http.request.method";
    public const string StatusCodeTag = "http.response.status_code";
    public const string ErrorTypeTag = "error.type";

    private static readonly ActivitySource Source = new(SourceName, typeof(ManagementTracing).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the span of one client call; <paramref name="operation"/> is the client method's name.</summary>
    public static Activity? StartCall(string operation, HttpMethod method)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var name = operation.EndsWith("Async", StringComparison.Ordinal) ? operation[..^"Async".Length] : operation;
        var span = Source.StartActivity("XWebhooks " + name, ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(OperationTag, name);
            span.SetTag(MethodTag, method.Method);
        }

        return span;
    }

    /// <summary>Records X's status code on the current call span (the last answer when the call waited and retried).</summary>
    public static void Answered(HttpStatusCode status)
    {
        if (Activity.Current is { IsAllDataRequested: true } span && ReferenceEquals(span.Source, Source))
        {
            span.SetTag(StatusCodeTag, (int)status);
        }
    }

    /// <summary>Marks the call span failed; returns false so it can be called from an exception filter without catching.</summary>
    public static bool Failed(Activity? span, Exception exception)
    {
        if (span is { IsAllDataRequested: true })
        {
            span.SetStatus(ActivityStatusCode.Error);
            span.SetTag(ErrorTypeTag, exception switch
            {
                XApiException { StatusCode: var status } when status != 0 => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => exception.GetType().FullName,
            });
        }

        return false;
    }
}
