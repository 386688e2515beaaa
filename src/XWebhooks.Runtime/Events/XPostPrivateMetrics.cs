namespace XWebhooks.Events;

/// <summary>
/// A Post's <c>non_public_metrics</c>, <c>organic_metrics</c> or <c>promoted_metrics</c>: engagement counts only the
/// author (user-context auth) can see. X's schema leaves these objects free-form; the fields are those X documents.
/// Fields a given object does not carry stay null.
/// </summary>
public sealed class XPostPrivateMetrics
{
    /// <summary>Number of times the Post was seen.</summary>
    public long? ImpressionCount { get; init; }

    /// <summary>Number of likes (organic and promoted metrics).</summary>
    public long? LikeCount { get; init; }

    /// <summary>Number of replies (organic and promoted metrics).</summary>
    public long? ReplyCount { get; init; }

    /// <summary>Number of reposts (organic and promoted metrics).</summary>
    public long? RetweetCount { get; init; }

    /// <summary>Number of clicks on a link in the Post.</summary>
    public long? UrlLinkClicks { get; init; }

    /// <summary>Number of clicks on the author's profile from the Post.</summary>
    public long? UserProfileClicks { get; init; }
}
