namespace XWebhooks.Management;

/// <summary>One page of <c>GET /2/activity/subscriptions</c>.</summary>
/// <param name="Subscriptions">The subscriptions on this page.</param>
/// <param name="NextToken">Pass as <c>paginationToken</c> for the next page; null on the last page.</param>
/// <param name="TotalSubscriptions">The app's total number of subscriptions, when X says.</param>
public sealed record XActivitySubscriptionPage(IReadOnlyList<XActivitySubscription> Subscriptions, string? NextToken, int? TotalSubscriptions);
