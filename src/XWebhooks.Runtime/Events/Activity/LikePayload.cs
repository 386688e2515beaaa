namespace XWebhooks.Events.Activity;

/// <summary>The <c>payload</c> of <c>like.create</c>.</summary>
public sealed class LikePayload
{
    /// <summary>The like event's ID (an opaque hex string in the docs, not a Post ID).</summary>
    public string? Id { get; init; }

    /// <summary>The ID of the Post that was liked.</summary>
    public string? LikedTweetId { get; init; }

    /// <summary>The ID of the liked Post's author.</summary>
    public string? LikedTweetAuthorId { get; init; }

    /// <summary>When the liked Post was created (UTC), when available.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the like happened, in Unix milliseconds (X sends it as a string), when available.</summary>
    public long? TimestampMs { get; init; }
}
