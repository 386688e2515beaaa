namespace XWebhooks.Management;

/// <summary>The Account Activity subscriptions of a webhook (<c>GET …/subscriptions/all/list</c>).</summary>
/// <param name="ApplicationId">The X app, when X says.</param>
/// <param name="WebhookId">The webhook, when X says.</param>
/// <param name="WebhookUrl">The webhook's URL, when X says.</param>
/// <param name="UserIds">The subscribed users.</param>
public sealed record XAccountActivitySubscriptions(string? ApplicationId, string? WebhookId, string? WebhookUrl, IReadOnlyList<string> UserIds);
