namespace XWebhooks.Management;

/// <summary>
/// The app's Account Activity subscription usage (<c>GET /2/account_activity/subscriptions/count</c>). X sends the
/// counts as strings; they are parsed here, null when absent or not a number.
/// </summary>
/// <param name="AccountName">The account the limit belongs to.</param>
/// <param name="ProvisionedCount">Subscriptions the tier allows.</param>
/// <param name="SubscriptionsCountAll">Subscriptions in use.</param>
/// <param name="SubscriptionsCountDirectMessages">DM-only subscriptions; always 0 since X dropped them.</param>
public sealed record XAccountActivitySubscriptionCount(string? AccountName, int? ProvisionedCount, int? SubscriptionsCountAll, int? SubscriptionsCountDirectMessages);
