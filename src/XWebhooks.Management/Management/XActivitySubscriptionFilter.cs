namespace XWebhooks.Management;

/// <summary>
/// The <c>filter</c> of an X Activity API subscription. Most event types filter on <see cref="UserId"/>;
/// <c>news.new</c> on <see cref="Keyword"/>; <c>oauth.revoke</c> takes an empty filter.
/// </summary>
/// <param name="UserId">The user whose activity to receive.</param>
/// <param name="Keyword">The keyword of a <c>news.new</c> subscription.</param>
/// <param name="Direction"><c>inbound</c> or <c>outbound</c> (e.g. likes received or given); null means both. Not for <c>mute.*</c>/<c>block.*</c>.</param>
public sealed record XActivitySubscriptionFilter(string? UserId = null, string? Keyword = null, string? Direction = null)
{
    /// <summary>A filter on one user's activity.</summary>
    public static XActivitySubscriptionFilter ForUser(string userId) => new(UserId: userId);
}
