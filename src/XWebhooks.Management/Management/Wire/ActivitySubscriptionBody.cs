namespace XWebhooks.Management.Wire;

/// <summary>Body of <c>POST /2/activity/subscriptions</c> (X rejects unknown properties, so nulls are omitted).</summary>
internal sealed class ActivitySubscriptionBody
{
    public required string EventType { get; init; }

    public required ActivityFilterDto Filter { get; init; }

    public string? Tag { get; init; }

    public string? WebhookId { get; init; }
}
