namespace XWebhooks.Management;

/// <summary>A subscription to create with <see cref="XWebhooksClient.CreateActivitySubscriptionAsync(XActivitySubscriptionRequest, CancellationToken)"/>.</summary>
/// <param name="EventType">The event type in X's dot format, e.g. <c>post.create</c> or <c>profile.update.bio</c>.</param>
/// <param name="Filter">Whose events (or which keyword).</param>
/// <param name="Tag">Your label for the subscription, 1–200 characters, echoed in every event.</param>
/// <param name="WebhookId">The webhook that receives the events. Null: the stream only — except with
/// <c>EnsureActivitySubscriptions</c>, where null means the webhook that <c>EnsureWebhookRegistered</c> resolved.</param>
public sealed record XActivitySubscriptionRequest(string EventType, XActivitySubscriptionFilter Filter, string? Tag = null, string? WebhookId = null);
