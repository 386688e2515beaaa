namespace XWebhooks.Events.Activity;

/// <summary>The XAA subscription <c>filter</c> that matched an event.</summary>
public sealed class ActivityFilter
{
    /// <summary>The user whose activity the subscription follows.</summary>
    public string? UserId { get; init; }

    /// <summary>The keyword of a <c>news.new</c> subscription.</summary>
    public string? Keyword { get; init; }

    /// <summary>
    /// The direction the subscription is limited to: <c>inbound</c> or <c>outbound</c> per the API spec
    /// (the changelog also mentions <c>sent</c>/<c>received</c>); absent means both.
    /// </summary>
    public string? Direction { get; init; }
}
