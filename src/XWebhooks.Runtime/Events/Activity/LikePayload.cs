namespace XWebhooks.Events.Activity;

/// <summary>The <c>payload</c> of <c>like.create</c>.</summary>
public sealed class LikePayload
{
    private readonly string? likedTweetAuthorId;

    /// <summary>The like event's ID (an opaque hex string in the docs, not a Post ID).</summary>
    public string? Id { get; init; }

    /// <summary>The ID of the Post that was liked.</summary>
    public string? LikedTweetId { get; init; }

    /// <summary>
    /// The ID of the liked Post's author. X's webhook docs send it as <c>liked_tweet_author_id</c>, X's OpenAPI schema
    /// names it <c>tweet_author_id</c>; either is read, and this property falls back to <see cref="TweetAuthorId"/>.
    /// </summary>
    public string? LikedTweetAuthorId
    {
        get => likedTweetAuthorId ?? TweetAuthorId;
        init => likedTweetAuthorId = value;
    }

    /// <summary>The liked Post's author under the schema's name <c>tweet_author_id</c>; prefer <see cref="LikedTweetAuthorId"/>.</summary>
    public string? TweetAuthorId { get; init; }

    /// <summary>Keys of the media attached to the liked Post (expanded in <c>includes.media</c>).</summary>
    public IReadOnlyList<string>? AttachmentsMediaKeys { get; init; }

    /// <summary>When the liked Post was created (UTC), when available.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the like happened, in Unix milliseconds (X sends it as a string), when available.</summary>
    public long? TimestampMs { get; init; }
}
