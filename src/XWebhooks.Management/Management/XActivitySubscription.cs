namespace XWebhooks.Management;

/// <summary>An X Activity API subscription as X returns it.</summary>
/// <param name="SubscriptionId">X's subscription id.</param>
/// <param name="EventType">The event type (X answers with the canonical dot name).</param>
/// <param name="Filter">The subscription's filter.</param>
/// <param name="Tag">Your label, if set.</param>
/// <param name="WebhookId">The webhook events go to, if set.</param>
/// <param name="CreatedAt">When it was created, when X says.</param>
/// <param name="UpdatedAt">When it was last updated, when X says.</param>
public sealed record XActivitySubscription(
    string SubscriptionId,
    string EventType,
    XActivitySubscriptionFilter Filter,
    string? Tag,
    string? WebhookId,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt);
