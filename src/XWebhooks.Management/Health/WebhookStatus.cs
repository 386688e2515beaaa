namespace XWebhooks.Health;

/// <summary>What X said about the webhook at <see cref="CheckedAt"/>: valid, invalid, not listed, or the call failed (<see cref="Error"/>).</summary>
internal sealed record WebhookStatus(string WebhookId, bool? Valid, bool Listed, string? Error, DateTimeOffset CheckedAt);
