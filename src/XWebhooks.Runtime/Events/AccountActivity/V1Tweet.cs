using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// A v1.1-style Tweet (Post) as the Account Activity API sends it: the element of <c>tweet_create_events</c>,
/// <c>favorited_status</c> of a like, and the <c>quoted_status</c>/<c>retweeted_status</c> inside another Tweet.
/// </summary>
/// <remarks>
/// Use <see cref="IdStr"/> as the identifier: numeric <c>id</c> values can exceed what JavaScript-based
/// tooling keeps exact, and the X docs' own examples show precision-mangled numbers (for example
/// <c>1924465506158879000</c> for <c>"1924465506158878979"</c>). For longform posts <see cref="Text"/> holds
/// at most the first 140 characters and <see cref="Truncated"/> is true; read <see cref="FullText"/>.
/// Unknown fields are ignored.
/// </remarks>
public class V1Tweet
{
    /// <summary>The v1.1 creation time as sent (<c>created_at</c>, e.g. <c>Mon Mar 26 16:33:26 +0000 2018</c>). See <see cref="CreatedAtTime"/>.</summary>
    public string? CreatedAt { get; set; }

    /// <summary><see cref="CreatedAt"/> parsed (invariant culture), or null when absent or unparseable.</summary>
    [JsonIgnore]
    public DateTimeOffset? CreatedAtTime => AccountActivityDates.ParseV1(CreatedAt);

    /// <summary>The numeric <c>id</c>. May be imprecise in some sources; prefer <see cref="IdStr"/>.</summary>
    public long Id { get; set; }

    /// <summary>The Tweet id as a string (<c>id_str</c>): the identifier to use.</summary>
    public string? IdStr { get; set; }

    /// <summary>The text (<c>text</c>); for longform posts only the first 140 characters or fewer. See <see cref="FullText"/>.</summary>
    public string? Text { get; set; }

    /// <summary>The complete text: <c>extended_tweet.full_text</c> when present, else <see cref="Text"/>.</summary>
    [JsonIgnore]
    public string? FullText => ExtendedTweet?.FullText ?? Text;

    /// <summary>The displayable range of <see cref="Text"/> as <c>[start, end]</c> (<c>display_text_range</c>).</summary>
    public IReadOnlyList<int>? DisplayTextRange { get; set; }

    /// <summary>True when <see cref="Text"/> is cut and the whole post is in <see cref="ExtendedTweet"/> (<c>truncated</c>).</summary>
    public bool? Truncated { get; set; }

    /// <summary>The posting client as an HTML anchor (<c>source</c>).</summary>
    public string? Source { get; set; }

    /// <summary>The author (<c>user</c>).</summary>
    public V1User? User { get; set; }

    /// <summary>The full content of a longform post (<c>extended_tweet</c>).</summary>
    public V1ExtendedTweet? ExtendedTweet { get; set; }

    /// <summary>Entities found in <see cref="Text"/> (<c>entities</c>).</summary>
    public V1Entities? Entities { get; set; }

    /// <summary>Native media attached to the post (<c>extended_entities</c>).</summary>
    public V1Entities? ExtendedEntities { get; set; }

    /// <summary>The numeric id of the Tweet this replies to (<c>in_reply_to_status_id</c>); prefer <see cref="InReplyToStatusIdStr"/>.</summary>
    public long? InReplyToStatusId { get; set; }

    /// <summary>The id of the Tweet this replies to (<c>in_reply_to_status_id_str</c>).</summary>
    public string? InReplyToStatusIdStr { get; set; }

    /// <summary>The numeric id of the replied-to author (<c>in_reply_to_user_id</c>); prefer <see cref="InReplyToUserIdStr"/>.</summary>
    public long? InReplyToUserId { get; set; }

    /// <summary>The id of the replied-to author (<c>in_reply_to_user_id_str</c>).</summary>
    public string? InReplyToUserIdStr { get; set; }

    /// <summary>The screen name of the replied-to author (<c>in_reply_to_screen_name</c>).</summary>
    public string? InReplyToScreenName { get; set; }

    /// <summary>True when this post quotes another (<c>is_quote_status</c>).</summary>
    public bool? IsQuoteStatus { get; set; }

    /// <summary>The id of the quoted Tweet (<c>quoted_status_id_str</c>).</summary>
    public string? QuotedStatusIdStr { get; set; }

    /// <summary>The quoted Tweet (<c>quoted_status</c>).</summary>
    public V1Tweet? QuotedStatus { get; set; }

    /// <summary>The original Tweet when this is a Retweet (<c>retweeted_status</c>).</summary>
    public V1Tweet? RetweetedStatus { get; set; }

    /// <summary>Number of quotes (<c>quote_count</c>).</summary>
    public long? QuoteCount { get; set; }

    /// <summary>Number of replies (<c>reply_count</c>).</summary>
    public long? ReplyCount { get; set; }

    /// <summary>Number of Retweets (<c>retweet_count</c>).</summary>
    public long? RetweetCount { get; set; }

    /// <summary>Number of likes (<c>favorite_count</c>).</summary>
    public long? FavoriteCount { get; set; }

    /// <summary>Whether the authenticating user liked it (<c>favorited</c>).</summary>
    public bool? Favorited { get; set; }

    /// <summary>Whether the authenticating user Retweeted it (<c>retweeted</c>).</summary>
    public bool? Retweeted { get; set; }

    /// <summary>Whether a link in it may be sensitive (<c>possibly_sensitive</c>).</summary>
    public bool? PossiblySensitive { get; set; }

    /// <summary>The detected BCP 47 language (<c>lang</c>).</summary>
    public string? Lang { get; set; }

    /// <summary>Creation time in epoch milliseconds (<c>timestamp_ms</c>; a number or a numeric string).</summary>
    public long? TimestampMs { get; set; }
}
