using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using XWebhooks.Management.Wire;

namespace XWebhooks.Management;

// Account Activity API subscriptions (deprecated by X, ends 2027-01-01): /2/account_activity/… (reference §4.1).
public sealed partial class XWebhooksClient
{
    private static readonly byte[] EmptyObject = Encoding.UTF8.GetBytes("{}");

    /// <summary>
    /// Subscribes the user who owns <paramref name="userAccessToken"/> (OAuth 2.0 user token) to all Account Activity
    /// events on the webhook (<c>POST …/webhooks/:id/subscriptions/all</c>). Fails with
    /// <see cref="XApiErrorReason.DuplicateSubscriptionFailed"/>, <see cref="XApiErrorReason.SubscriptionLimitExceeded"/> or
    /// <see cref="XApiErrorReason.WebhookIdInvalid"/>. Events may take about 10 seconds to start.
    /// </summary>
    public async Task SubscribeAccountActivityAsync(string webhookId, string userAccessToken, CancellationToken ct = default)
    {
        RequireId(webhookId, nameof(webhookId));
        ArgumentException.ThrowIfNullOrWhiteSpace(userAccessToken);
        var path = AccountActivityPath(webhookId) + "/subscriptions/all";
        var answer = await SendAsync(HttpMethod.Post, path, EmptyObject, ct, userAccessToken).ConfigureAwait(false);
        if (Flags(answer.Envelope.Data)?.Subscribed == false)
        {
            throw new XApiException($"X API POST /{path} answered subscribed: false", HttpStatusCode.OK, rateLimit: LastRateLimit);
        }
    }

    /// <summary>
    /// Whether the user who owns <paramref name="userAccessToken"/> is subscribed on the webhook
    /// (<c>GET …/webhooks/:id/subscriptions/all</c>); false also when X answers <see cref="XApiErrorReason.SubscriptionNotFound"/>.
    /// </summary>
    public async Task<bool> IsAccountActivitySubscribedAsync(string webhookId, string userAccessToken, CancellationToken ct = default)
    {
        RequireId(webhookId, nameof(webhookId));
        ArgumentException.ThrowIfNullOrWhiteSpace(userAccessToken);
        try
        {
            var answer = await SendAsync(HttpMethod.Get, AccountActivityPath(webhookId) + "/subscriptions/all", null, ct, userAccessToken).ConfigureAwait(false);
            return Flags(answer.Envelope.Data)?.Subscribed ?? true;
        }
        catch (XApiException e) when (!e.IsRateLimited && e.HasReason(XApiErrorReason.SubscriptionNotFound))
        {
            return false;
        }
    }

    /// <summary>Lists the users subscribed on the webhook (<c>GET …/webhooks/:id/subscriptions/all/list</c>, app token).</summary>
    public async Task<XAccountActivitySubscriptions> ListAccountActivitySubscriptionsAsync(string webhookId, CancellationToken ct = default)
    {
        RequireId(webhookId, nameof(webhookId));
        var answer = await SendAsync(HttpMethod.Get, AccountActivityPath(webhookId) + "/subscriptions/all/list", null, ct).ConfigureAwait(false);
        var dto = First(answer.Envelope.Data) is { } data ? data.Deserialize(XManagementJsonContext.Default.AccountActivityListDto) : null;
        var userIds = (dto?.Subscriptions ?? []).Select(static s => s.ValueKind switch
        {
            JsonValueKind.Object => s.TryGetProperty("user_id", out var id) ? Text(id) : null,
            _ => Text(s),
        }).OfType<string>().ToArray();
        return new XAccountActivitySubscriptions(dto?.ApplicationId, dto?.WebhookId ?? webhookId, dto?.WebhookUrl, userIds);
    }

    /// <summary>The app's Account Activity subscription usage (<c>GET /2/account_activity/subscriptions/count</c>); X's string counts are parsed.</summary>
    public async Task<XAccountActivitySubscriptionCount> CountAccountActivitySubscriptionsAsync(CancellationToken ct = default)
    {
        var answer = await SendAsync(HttpMethod.Get, "2/account_activity/subscriptions/count", null, ct).ConfigureAwait(false);
        var dto = First(answer.Envelope.Data) is { } data ? data.Deserialize(XManagementJsonContext.Default.AccountActivityCountDto) : null;
        return new XAccountActivitySubscriptionCount(dto?.AccountName, Count(dto?.ProvisionedCount), Count(dto?.SubscriptionsCountAll), Count(dto?.SubscriptionsCountDirectMessages));
    }

    /// <summary>
    /// Removes <paramref name="userId"/>'s subscription from the webhook (<c>DELETE …/webhooks/:id/subscriptions/:user_id/all</c>, app token).
    /// Fails with <see cref="XApiErrorReason.SubscriptionNotFound"/> or <see cref="XApiErrorReason.WebhookIdInvalid"/>.
    /// </summary>
    public async Task DeleteAccountActivitySubscriptionAsync(string webhookId, string userId, CancellationToken ct = default)
    {
        RequireId(webhookId, nameof(webhookId));
        RequireId(userId, nameof(userId));
        await SendAsync(HttpMethod.Delete, AccountActivityPath(webhookId) + "/subscriptions/" + Escape(userId) + "/all", null, ct).ConfigureAwait(false);
    }

    private static string AccountActivityPath(string webhookId) => "2/account_activity/webhooks/" + Escape(webhookId);

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static int? Count(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : null;
}
