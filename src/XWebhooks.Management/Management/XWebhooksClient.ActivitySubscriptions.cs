using System.Globalization;
using System.Net;
using System.Text.Json;
using XWebhooks.Management.Wire;

namespace XWebhooks.Management;

// X Activity API subscriptions: /2/activity/subscriptions (reference §5.2).
public sealed partial class XWebhooksClient
{
    private const string SubscriptionsPath = "2/activity/subscriptions";

    /// <summary>
    /// Creates an X Activity API subscription (<c>POST /2/activity/subscriptions</c>) with the app bearer token, which
    /// X accepts for public events (<c>profile.*</c>, <c>post.create</c>/<c>post.delete</c>, <c>broadcast.start</c>/<c>end</c>).
    /// Private events need the user's token: use the overload that takes one. Accepts the answer as <c>data{…}</c>,
    /// <c>data.subscription{…}</c> or <c>data[…]</c>. Fails with e.g. <see cref="XApiErrorReason.DuplicateSubscriptionFailed"/>
    /// or <see cref="XApiErrorReason.SubscriptionLimitExceeded"/> when X reports them.
    /// </summary>
    public Task<XActivitySubscription> CreateActivitySubscriptionAsync(XActivitySubscriptionRequest request, CancellationToken ct = default) =>
        CreateActivitySubscriptionAsync(request, userAccessToken: null, ct);

    /// <summary>
    /// Creates an X Activity API subscription authenticated as a user (an OAuth 2.0 user access token with the scope the
    /// event type needs: <c>dm.read</c>, <c>like.read</c>, <c>mute.read</c>, <c>block.read</c> or <c>tweet.read</c>).
    /// A null token uses the app bearer token. The token is sent in the header only, never logged.
    /// </summary>
    public async Task<XActivitySubscription> CreateActivitySubscriptionAsync(XActivitySubscriptionRequest request, string? userAccessToken, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.EventType, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Filter, nameof(request));
        var body = Serialize(
            new ActivitySubscriptionBody
            {
                EventType = request.EventType,
                Filter = new ActivityFilterDto { UserId = request.Filter.UserId, Keyword = request.Filter.Keyword, Direction = request.Filter.Direction },
                Tag = request.Tag,
                WebhookId = request.WebhookId,
            },
            XManagementJsonContext.Default.ActivitySubscriptionBody);
        var answer = await SendAsync(HttpMethod.Post, SubscriptionsPath, body, ct, userAccessToken).ConfigureAwait(false);
        return ReadSubscription(answer.Envelope.Data) ?? throw MissingData("POST", "/" + SubscriptionsPath, "subscription");
    }

    /// <summary>
    /// Lists one page of the app's X Activity API subscriptions (<c>GET /2/activity/subscriptions</c>).
    /// <paramref name="maxResults"/> is 1–1000 (X's default when null).
    /// </summary>
    public async Task<XActivitySubscriptionPage> ListActivitySubscriptionsAsync(int? maxResults = null, string? paginationToken = null, CancellationToken ct = default)
    {
        if (maxResults is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxResults), maxResults, "X accepts 1 to 1000.");
        }

        List<string> query = [];
        if (maxResults is { } max)
        {
            query.Add("max_results=" + max.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(paginationToken))
        {
            query.Add("pagination_token=" + Uri.EscapeDataString(paginationToken));
        }

        var answer = await SendAsync(HttpMethod.Get, SubscriptionsPath + (query.Count == 0 ? "" : "?" + string.Join('&', query)), null, ct).ConfigureAwait(false);
        var subscriptions = Items(answer.Envelope.Data).Select(ReadSubscription).OfType<XActivitySubscription>().ToArray();
        var meta = answer.Envelope.Meta;
        return new XActivitySubscriptionPage(subscriptions, string.IsNullOrEmpty(meta?.NextToken) ? null : meta.NextToken, meta?.TotalSubscriptions);
    }

    /// <summary>Lists every X Activity API subscription of the app, following <c>next_token</c> pages of 1000.</summary>
    public async Task<IReadOnlyList<XActivitySubscription>> ListAllActivitySubscriptionsAsync(CancellationToken ct = default)
    {
        List<XActivitySubscription> all = [];
        HashSet<string> seenTokens = [];
        string? token = null;
        do
        {
            var page = await ListActivitySubscriptionsAsync(1000, token, ct).ConfigureAwait(false);
            all.AddRange(page.Subscriptions);
            token = page.NextToken;
        }
        while (token is not null && seenTokens.Add(token)); // a repeated token would loop forever
        return all;
    }

    /// <summary>
    /// Changes a subscription's <paramref name="tag"/> and/or <paramref name="webhookId"/> (<c>PUT /2/activity/subscriptions/:id</c>);
    /// null leaves a value unchanged. Changing the event type or filter needs a delete and a new subscription.
    /// Reads X's spec shape, <c>{"data":{"subscription":{…},"total_subscriptions":n}}</c>, and the quickstart's older
    /// <c>{"data":{…},"meta":{"total_subscriptions":n}}</c> (docs.x.com/x-api/activity/quickstart).
    /// </summary>
    public async Task<XActivitySubscriptionUpdate> UpdateActivitySubscriptionAsync(string subscriptionId, string? tag = null, string? webhookId = null, CancellationToken ct = default)
    {
        RequireId(subscriptionId, nameof(subscriptionId));
        if (tag is null && webhookId is null)
        {
            throw new ArgumentException("Give a tag, a webhook id or both: they are all X lets a subscription change.", nameof(tag));
        }

        var body = Serialize(new ActivitySubscriptionUpdateBody { Tag = tag, WebhookId = webhookId }, XManagementJsonContext.Default.ActivitySubscriptionUpdateBody);
        var path = SubscriptionsPath + "/" + Escape(subscriptionId);
        var answer = await SendAsync(HttpMethod.Put, path, body, ct).ConfigureAwait(false);
        var subscription = ReadSubscription(answer.Envelope.Data) ?? throw MissingData("PUT", "/" + path, "subscription");
        return new XActivitySubscriptionUpdate(subscription, TotalSubscriptions(answer.Envelope.Data) ?? answer.Envelope.Meta?.TotalSubscriptions);
    }

    /// <summary>Deletes an X Activity API subscription (<c>DELETE /2/activity/subscriptions/:id</c>).</summary>
    public async Task DeleteActivitySubscriptionAsync(string subscriptionId, CancellationToken ct = default)
    {
        RequireId(subscriptionId, nameof(subscriptionId));
        var path = SubscriptionsPath + "/" + Escape(subscriptionId);
        var answer = await SendAsync(HttpMethod.Delete, path, null, ct).ConfigureAwait(false);
        if (Flags(answer.Envelope.Data)?.Deleted == false)
        {
            throw new XApiException($"X API DELETE /{path} answered deleted: false", HttpStatusCode.OK, rateLimit: LastRateLimit);
        }
    }

    /// <summary>
    /// Deletes up to 100 subscriptions in one call (<c>DELETE /2/activity/subscriptions?ids=…</c>). Returns the ids X
    /// could not delete with its per-id reason; empty when all were deleted.
    /// </summary>
    public async Task<IReadOnlyList<XActivitySubscriptionDeleteFailure>> DeleteActivitySubscriptionsAsync(IEnumerable<string> subscriptionIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptionIds);
        var ids = subscriptionIds.ToArray();
        if (ids.Length is < 1 or > 100 || ids.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("X deletes 1 to 100 non-empty subscription ids per call.", nameof(subscriptionIds));
        }

        var answer = await SendAsync(HttpMethod.Delete, SubscriptionsPath + "?ids=" + string.Join(',', ids.Select(Escape)), null, ct, errorsAreResults: true).ConfigureAwait(false);
        return (answer.Envelope.Errors ?? [])
            .Where(static e => e.SubscriptionId is not null)
            .Select(static e => new XActivitySubscriptionDeleteFailure(e.SubscriptionId!, e.Reason ?? e.Title, e.Message ?? e.Detail))
            .ToArray();
    }

    private static int? TotalSubscriptions(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("total_subscriptions", out var total) && total.TryGetInt32(out var count) ? count : null;

    private static XActivitySubscription? ReadSubscription(JsonElement? data) => First(data) is { } element ? ReadSubscription(element) : null;

    private static XActivitySubscription? ReadSubscription(JsonElement element)
    {
        // X's spec wraps it: data.subscription{…} (read first); the XAA quickstart's examples do not (tolerated).
        if (element.TryGetProperty("subscription", out var inner) && inner.ValueKind == JsonValueKind.Object)
        {
            element = inner;
        }

        var dto = element.Deserialize(XManagementJsonContext.Default.ActivitySubscriptionDto);
        return dto?.SubscriptionId is not { } id
            ? null
            : new XActivitySubscription(
                id,
                dto!.EventType ?? "",
                new XActivitySubscriptionFilter(dto.Filter?.UserId, dto.Filter?.Keyword, dto.Filter?.Direction),
                dto.Tag,
                dto.WebhookId,
                dto.CreatedAt,
                dto.UpdatedAt);
    }
}
