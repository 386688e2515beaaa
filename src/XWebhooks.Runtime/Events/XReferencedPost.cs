namespace XWebhooks.Events;

/// <summary>A Post referenced by another Post: an item of <c>referenced_tweets</c>.</summary>
public sealed class XReferencedPost
{
    /// <summary>How the Post is referenced: <c>replied_to</c>, <c>quoted</c> or <c>retweeted</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The referenced Post's ID.</summary>
    public string? Id { get; init; }
}
