namespace XWebhooks.Management;

/// <summary>X's answer to a subscription update: the subscription as it now is, and the app's total number of subscriptions.</summary>
/// <param name="Subscription">The updated subscription.</param>
/// <param name="TotalSubscriptions">The app's active subscriptions (<c>data.total_subscriptions</c>), when X says.</param>
public sealed record XActivitySubscriptionUpdate(XActivitySubscription Subscription, int? TotalSubscriptions);
