namespace XWebhooks.Events;

/// <summary>
/// A Post's <c>public_metrics</c>. X sends each count as a number and again as a <c>*_str</c> string twin;
/// the twins are ignored and string counts are read as numbers.
/// </summary>
public sealed class XPostPublicMetrics
{
    /// <summary>Number of reposts.</summary>
    public long? RetweetCount { get; init; }

    /// <summary>Number of replies.</summary>
    public long? ReplyCount { get; init; }

    /// <summary>Number of likes.</summary>
    public long? LikeCount { get; init; }

    /// <summary>Number of quote Posts.</summary>
    public long? QuoteCount { get; init; }

    /// <summary>Number of bookmarks.</summary>
    public long? BookmarkCount { get; init; }

    /// <summary>Number of impressions (views).</summary>
    public long? ImpressionCount { get; init; }
}
