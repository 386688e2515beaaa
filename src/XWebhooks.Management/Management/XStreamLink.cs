namespace XWebhooks.Management;

/// <summary>A filtered-stream webhook link (<c>GET /2/tweets/search/webhooks</c>).</summary>
/// <param name="WebhookId">The linked webhook.</param>
/// <param name="ApplicationId">The X app, when X says.</param>
/// <param name="BusinessUserId">The owning user, when X says.</param>
/// <param name="InstanceId">The stream instance, when X says.</param>
/// <param name="Fields">The link's field/expansion parameters as X lists them (e.g. <c>user.fields=username</c>).</param>
/// <param name="CreatedAt">When the link was made, when X says.</param>
public sealed record XStreamLink(string WebhookId, string? ApplicationId, string? BusinessUserId, string? InstanceId, IReadOnlyList<string> Fields, DateTimeOffset? CreatedAt);
