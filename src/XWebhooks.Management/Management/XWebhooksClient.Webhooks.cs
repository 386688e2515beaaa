using System.Globalization;
using System.Net;
using System.Text.Json;
using XWebhooks.Management.Wire;

namespace XWebhooks.Management;

// Webhooks and replay: /2/webhooks (reference §3).
public sealed partial class XWebhooksClient
{
    private const string ReplayDateFormat = "yyyyMMddHHmm";

    /// <summary>
    /// Registers <paramref name="url"/> as a webhook (<c>POST /2/webhooks</c>). X sends a CRC challenge to the URL
    /// before answering, so the receiver must already be reachable. Fails with <see cref="XApiErrorReason.CrcValidationFailed"/>,
    /// <see cref="XApiErrorReason.UrlValidationFailed"/>, <see cref="XApiErrorReason.DuplicateUrlFailed"/> or
    /// <see cref="XApiErrorReason.WebhookLimitExceeded"/>.
    /// </summary>
    public async Task<XWebhook> CreateWebhookAsync(Uri url, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var body = Serialize(new CreateWebhookBody { Url = url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString }, XManagementJsonContext.Default.CreateWebhookBody);
        var answer = await SendAsync(HttpMethod.Post, "2/webhooks", body, ct).ConfigureAwait(false);
        var dto = First(answer.Envelope.Data) is { } data ? data.Deserialize(XManagementJsonContext.Default.WebhookDto) : null;
        if (dto?.Id is null)
        {
            throw MissingData("POST", "/2/webhooks", "the webhook id");
        }

        // Creation succeeds only after the CRC passed, so a created webhook without "valid" is valid.
        return new XWebhook(dto.Id, dto.Url ?? url.OriginalString, dto.Valid ?? true, dto.CreatedAt);
    }

    /// <summary>Lists the app's webhooks (<c>GET /2/webhooks</c>, asking for every field); empty when X returns no <c>data</c>.</summary>
    public async Task<IReadOnlyList<XWebhook>> ListWebhooksAsync(CancellationToken ct = default)
    {
        var answer = await SendAsync(HttpMethod.Get, "2/webhooks?webhook_config.fields=created_at,id,url,valid", null, ct).ConfigureAwait(false);
        return Items(answer.Envelope.Data)
            .Select(static e => e.Deserialize(XManagementJsonContext.Default.WebhookDto))
            .Where(static d => d?.Id is not null)
            .Select(static d => new XWebhook(d!.Id!, d.Url ?? "", d.Valid ?? false, d.CreatedAt))
            .ToArray();
    }

    /// <summary>Deletes a webhook (<c>DELETE /2/webhooks/:id</c>). Fails with <see cref="XApiErrorReason.WebhookIdInvalid"/> when there is no such webhook.</summary>
    public async Task DeleteWebhookAsync(string webhookId, CancellationToken ct = default)
    {
        RequireId(webhookId, nameof(webhookId));
        var answer = await SendAsync(HttpMethod.Delete, "2/webhooks/" + Escape(webhookId), null, ct).ConfigureAwait(false);
        if (Flags(answer.Envelope.Data)?.Deleted == false)
        {
            throw new XApiException($"X API DELETE /2/webhooks/{webhookId} answered deleted: false", HttpStatusCode.OK, rateLimit: LastRateLimit);
        }
    }

    /// <summary>
    /// Asks X to send a CRC challenge now and re-enable the webhook when it passes (<c>PUT /2/webhooks/:id</c>).
    /// Returns <c>data.valid</c> (spec 2.167) or <c>data.attempted</c> (older specs), true for a bare 2xx, and false
    /// when X answers <see cref="XApiErrorReason.CrcValidationFailed"/>. Other failures (e.g.
    /// <see cref="XApiErrorReason.WebhookIdInvalid"/>) throw. Confirm with <see cref="ListWebhooksAsync"/> when it matters.
    /// </summary>
    public async Task<bool> ValidateWebhookAsync(string webhookId, CancellationToken ct = default)
    {
        RequireId(webhookId, nameof(webhookId));
        try
        {
            var answer = await SendAsync(HttpMethod.Put, "2/webhooks/" + Escape(webhookId), null, ct).ConfigureAwait(false);
            var flags = Flags(answer.Envelope.Data);
            return flags?.Valid ?? flags?.Attempted ?? true;
        }
        catch (XApiException e) when (!e.IsRateLimited && e.HasReason(XApiErrorReason.CrcValidationFailed))
        {
            return false;
        }
    }

    /// <summary>
    /// Creates a replay job for <paramref name="webhookId"/> (<c>POST /2/webhooks/replay</c>): X redelivers the events
    /// it delivered or tried to deliver between <paramref name="from"/> and <paramref name="to"/> (UTC, minute precision,
    /// within the last 24 hours; X also wants <paramref name="to"/> at least about 10 minutes in the past). Fails with
    /// <see cref="XApiErrorReason.QueryParamInvalid"/>, <see cref="XApiErrorReason.ReplayConflictError"/> (a job is running),
    /// <see cref="XApiErrorReason.WebhookIdInvalid"/> or <see cref="XApiErrorReason.CrcValidationFailed"/>.
    /// Accepts the answer wrapped in <c>data</c>, in <c>replay_event</c> or bare.
    /// </summary>
    public async Task<XReplayJob> CreateReplayJobAsync(string webhookId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        RequireId(webhookId, nameof(webhookId));
        if (from > to)
        {
            throw new ArgumentException($"The replay window starts ({from:O}) after it ends ({to:O}).", nameof(from));
        }

        var body = Serialize(
            new ReplayBody
            {
                WebhookId = webhookId,
                FromDate = from.UtcDateTime.ToString(ReplayDateFormat, CultureInfo.InvariantCulture),
                ToDate = to.UtcDateTime.ToString(ReplayDateFormat, CultureInfo.InvariantCulture),
            },
            XManagementJsonContext.Default.ReplayBody);
        var answer = await SendAsync(HttpMethod.Post, "2/webhooks/replay", body, ct).ConfigureAwait(false);
        var job = ReadReplayJob(answer);
        return job?.JobId is { } jobId
            ? new XReplayJob(jobId, job.CreatedAt)
            : throw MissingData("POST", "/2/webhooks/replay", "job_id");
    }

    private static ReplayJobDto? ReadReplayJob(ApiAnswer answer)
    {
        using var root = JsonDocument.Parse(answer.Body);
        JsonElement?[] candidates =
        [
            answer.Envelope.Data is { ValueKind: JsonValueKind.Object } data ? data : null,
            answer.Envelope.Data is { ValueKind: JsonValueKind.Object } d2 && d2.TryGetProperty("replay_event", out var inner) ? inner : null,
            root.RootElement.ValueKind == JsonValueKind.Object && root.RootElement.TryGetProperty("replay_event", out var wrapped) ? wrapped : null,
            root.RootElement,
        ];
        foreach (var candidate in candidates)
        {
            if (candidate is { ValueKind: JsonValueKind.Object } element && element.Deserialize(XManagementJsonContext.Default.ReplayJobDto) is { JobId: not null } dto)
            {
                return dto;
            }
        }

        return null;
    }

    /// <summary>The object of an answer whose <c>data</c> is an object or (in some spec versions) a one-item array.</summary>
    private static JsonElement? First(JsonElement? data) => data switch
    {
        { ValueKind: JsonValueKind.Object } o => o,
        { ValueKind: JsonValueKind.Array } a when a.GetArrayLength() > 0 && a[0].ValueKind == JsonValueKind.Object => a[0],
        _ => null,
    };

    /// <summary>The objects of a list answer: <c>data[]</c>, or a lone object.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement? data) => data switch
    {
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Where(static e => e.ValueKind == JsonValueKind.Object).ToArray(),
        { ValueKind: JsonValueKind.Object } o => [o],
        _ => [],
    };

    private static ResultFlagsDto? Flags(JsonElement? data) =>
        First(data) is { } o ? o.Deserialize(XManagementJsonContext.Default.ResultFlagsDto) : null;

    private XApiException MissingData(string method, string path, string what) =>
        new($"X API {method} {path} succeeded but its answer has no {what}", HttpStatusCode.OK, rateLimit: LastRateLimit);
}
