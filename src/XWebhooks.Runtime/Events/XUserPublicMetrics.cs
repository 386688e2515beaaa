namespace XWebhooks.Events;

/// <summary>
/// A user's <c>public_metrics</c>. X sends each count as a number and again as a <c>*_str</c> string twin;
/// the twins are ignored and string counts are read as numbers.
/// </summary>
public sealed class XUserPublicMetrics
{
    /// <summary>Number of followers.</summary>
    public long? FollowersCount { get; init; }

    /// <summary>Number of accounts the user follows.</summary>
    public long? FollowingCount { get; init; }

    /// <summary>Number of Posts (including reposts).</summary>
    public long? TweetCount { get; init; }

    /// <summary>Number of lists that include the user.</summary>
    public long? ListedCount { get; init; }

    /// <summary>Number of Posts the user liked.</summary>
    public long? LikeCount { get; init; }

    /// <summary>Number of media items the user posted.</summary>
    public long? MediaCount { get; init; }
}
