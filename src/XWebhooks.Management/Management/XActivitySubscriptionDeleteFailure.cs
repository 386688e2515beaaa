namespace XWebhooks.Management;

/// <summary>A subscription the bulk delete could not remove, with X's per-id reason.</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Reason">X's reason, e.g. <c>SubscriptionNotFound</c>.</param>
/// <param name="Message">X's message.</param>
public sealed record XActivitySubscriptionDeleteFailure(string SubscriptionId, string? Reason, string? Message);
