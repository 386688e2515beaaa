using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using XWebhooks.Management.Wire;

namespace XWebhooks.Management;

/// <summary>
/// Client of X's webhook management API: webhooks and replay (<c>/2/webhooks</c>), X Activity API subscriptions
/// (<c>/2/activity/subscriptions</c>), Account Activity subscriptions (<c>/2/account_activity/…</c>) and
/// filtered-stream webhook links (<c>/2/tweets/search/webhooks</c>). Answers are read leniently (X's shapes vary
/// between spec versions). Failures throw <see cref="XApiException"/>; 429 throws
/// <see cref="XRateLimitExceededException"/> unless the window resets within
/// <see cref="XWebhooksClientOptions.MaxRateLimitWait"/>, in which case the call waits and retries once.
/// </summary>
/// <remarks>
/// Register it with <c>services.AddXWebhooksClient(…)</c> (a typed <see cref="HttpClient"/> from
/// <c>IHttpClientFactory</c>, transient) or create it directly. Instances are safe for concurrent calls.
/// </remarks>
public sealed partial class XWebhooksClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    // x-rate-limit-reset is whole Unix seconds (the true reset may be up to a second later) and clocks differ:
    // wait a second past it before retrying, or the retry can land in the old window.
    private static readonly TimeSpan ResetMargin = TimeSpan.FromSeconds(1);

    private readonly HttpClient http;
    private readonly string bearerToken;
    private readonly Uri baseAddress;
    private readonly TimeSpan maxRateLimitWait;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private volatile XRateLimit? lastRateLimit;

    /// <summary>Creates a client over <paramref name="httpClient"/> (whose own <c>BaseAddress</c> is ignored: <see cref="XWebhooksClientOptions.BaseAddress"/> is used).</summary>
    public XWebhooksClient(HttpClient httpClient, XWebhooksClientOptions options)
        : this(httpClient, options, timeProvider: null, logger: null)
    {
    }

    /// <summary>Creates a client with a clock (for the 429 wait) and a logger; null means the system clock and no logging.</summary>
    public XWebhooksClient(HttpClient httpClient, XWebhooksClientOptions options, TimeProvider? timeProvider, ILogger<XWebhooksClient>? logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        if (XWebhooksClientOptionsValidator.Validate(options) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        http = httpClient;
        bearerToken = options.BearerToken!;
        var address = options.BaseAddress.AbsoluteUri;
        baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        maxRateLimitWait = options.MaxRateLimitWait;
        time = timeProvider ?? TimeProvider.System;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// The rate limit X reported on the most recent answer this instance received (success or failure), or null
    /// before the first answer or when X sent no <c>x-rate-limit-*</c> headers. Each endpoint has its own window, so
    /// read it right after the call it belongs to. A failed call's limit is also on <see cref="XApiException.RateLimit"/>.
    /// </summary>
    public XRateLimit? LastRateLimit => lastRateLimit;

    /// <summary>One call to X, traced as a client span named after the calling client method.</summary>
    private async Task<ApiAnswer> SendAsync(HttpMethod method, string pathAndQuery, byte[]? jsonBody, CancellationToken ct, string? userToken = null, bool errorsAreResults = false, [CallerMemberName] string operation = "")
    {
        using var span = ManagementTracing.StartCall(operation, method);
        try
        {
            return await SendUntracedAsync(method, pathAndQuery, jsonBody, ct, userToken, errorsAreResults).ConfigureAwait(false);
        }
        catch (Exception ex) when (ManagementTracing.Failed(span, ex))
        {
            throw; // never reached: the filter only records the failure
        }
    }

    private async Task<ApiAnswer> SendUntracedAsync(HttpMethod method, string pathAndQuery, byte[]? jsonBody, CancellationToken ct, string? userToken, bool errorsAreResults)
    {
        var uri = new Uri(baseAddress, pathAndQuery);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", userToken ?? bearerToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (jsonBody is not null)
            {
                request.Content = new ByteArrayContent(jsonBody) { Headers = { ContentType = JsonMediaType } };
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            ManagementTracing.Answered(response.StatusCode);
            var rateLimit = XRateLimit.FromHeaders(response.Headers);
            if (rateLimit is not null)
            {
                lastRateLimit = rateLimit;
            }

            var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var resetAt = rateLimit?.Reset ?? RetryAfter(response);
                var wait = resetAt is { } reset ? reset - time.GetUtcNow() : (TimeSpan?)null;
                if (attempt == 0 && wait is { } w && maxRateLimitWait > TimeSpan.Zero && w <= maxRateLimitWait)
                {
                    var delay = (w < TimeSpan.Zero ? TimeSpan.Zero : w) + ResetMargin;
                    ManagementLog.WaitingForRateLimit(logger, method.Method, uri.AbsolutePath, delay);
                    await Task.Delay(delay, time, ct).ConfigureAwait(false);
                    continue;
                }

                var envelope429 = TryReadEnvelope(body);
                var (title, detail, type, errors) = Describe(envelope429);
                throw new XRateLimitExceededException(
                    Message(method, uri, response.StatusCode, title, detail) + (resetAt is { } r ? $"; the window resets at {r.ToString("O", CultureInfo.InvariantCulture)}" : ""),
                    resetAt, title, detail, type, errors, rateLimit);
            }

            var envelope = TryReadEnvelope(body);
            if (!response.IsSuccessStatusCode)
            {
                throw CreateException(method, uri, response.StatusCode, envelope, rateLimit);
            }

            if (envelope is null && body.Length > 0 && !IsBlank(body))
            {
                throw new XApiException(Message(method, uri, response.StatusCode, "Unreadable answer", "the body is not a JSON object"), response.StatusCode, rateLimit: rateLimit);
            }

            envelope ??= new ApiEnvelope();
            if (!errorsAreResults && envelope.Data is null && envelope.Errors is { Count: > 0 })
            {
                // 200 with errors and no data: X's partial-error form, and nothing usable to return.
                throw CreateException(method, uri, response.StatusCode, envelope, rateLimit);
            }

            return new ApiAnswer(envelope, body);
        }
    }

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    private static ApiEnvelope? TryReadEnvelope(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, XManagementJsonContext.Default.ApiEnvelope);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsBlank(byte[] body) => body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    private DateTimeOffset? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Date: { } date } => date,
            { Delta: { } delta } => time.GetUtcNow() + delta,
            _ => null,
        };

    private static XApiException CreateException(HttpMethod method, Uri uri, HttpStatusCode status, ApiEnvelope? envelope, XRateLimit? rateLimit)
    {
        var (title, detail, type, errors) = Describe(envelope);
        return new XApiException(Message(method, uri, status, title, detail), status, title, detail, type, errors, rateLimit);
    }

    private static (string? Title, string? Detail, string? Type, IReadOnlyList<XApiError> Errors) Describe(ApiEnvelope? envelope)
    {
        if (envelope is null)
        {
            return (null, null, null, []);
        }

        var errors = envelope.Errors?.Select(static e => new XApiError(e.Title, e.Detail, e.Type, e.Message, e.Code, e.Reason, e.SubscriptionId)).ToArray()
            ?? [];
        var first = errors.FirstOrDefault();
        var title = envelope.Title ?? first?.Title;
        // X's 400s put the specific "<Reason>: <Details>" in errors[].message under a generic top-level detail
        // ("One or more parameters to your request was invalid.", docs.x.com/x-api/webhooks/quickstart): the message says more.
        var detail = first?.Message ?? envelope.Detail ?? first?.Detail ?? envelope.Error ?? envelope.Reason ?? first?.Reason;
        var type = envelope.Type ?? first?.Type;
        if (envelope.Reason is { } reason && !errors.Any(e => e.Reason == reason))
        {
            errors = [.. errors, new XApiError(null, null, null, envelope.Error, null, reason, null)];
        }

        return (title, detail, type, errors);
    }

    private static string Message(HttpMethod method, Uri uri, HttpStatusCode status, string? title, string? detail)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"X API {method.Method} {uri.AbsolutePath} failed with {(int)status} {status}");
        if (title is not null)
        {
            text.Append(": ").Append(title);
        }

        if (detail is not null && detail != title)
        {
            text.Append(title is null ? ": " : " — ").Append(detail);
        }

        return text.ToString();
    }

    private static string Escape(string pathSegment) => Uri.EscapeDataString(pathSegment);

    private static void RequireId(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
    }

    /// <summary>A successful answer: its envelope and raw bytes (for shapes that are not wrapped in <c>data</c>).</summary>
    private readonly record struct ApiAnswer(ApiEnvelope Envelope, byte[] Body);
}
