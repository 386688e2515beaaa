namespace XWebhooks.Events.Activity;

/// <summary>One Post a news story is built from (<c>cluster_posts_results</c> item).</summary>
public sealed class NewsClusterPost
{
    /// <summary>The Post's ID.</summary>
    public string? PostId { get; init; }
}
