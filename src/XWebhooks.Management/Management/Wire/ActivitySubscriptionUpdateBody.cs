namespace XWebhooks.Management.Wire;

/// <summary>Body of <c>PUT /2/activity/subscriptions/:id</c>: only <c>tag</c> and <c>webhook_id</c> can change.</summary>
internal sealed class ActivitySubscriptionUpdateBody
{
    public string? Tag { get; init; }

    public string? WebhookId { get; init; }
}
