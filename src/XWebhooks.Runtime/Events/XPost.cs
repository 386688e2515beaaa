using System.Text.Json;

namespace XWebhooks.Events;

/// <summary>
/// An X API v2 Post (Tweet), as X sends it in XAA <c>post.*</c> payloads, in <c>includes.tweets</c> and as the
/// <c>data</c> of a filtered-stream delivery. Which fields are present depends on the fields the subscription asked for.
/// </summary>
public sealed class XPost
{
    /// <summary>The Post ID (a 64-bit number sent as a string).</summary>
    public string? Id { get; init; }

    /// <summary>The Post's text (for long posts, the first 280 characters; see <see cref="NoteTweet"/>).</summary>
    public string? Text { get; init; }

    /// <summary>The ID of the user who wrote the Post.</summary>
    public string? AuthorId { get; init; }

    /// <summary>When the Post was created (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The ID of the Post that started the conversation this Post belongs to.</summary>
    public string? ConversationId { get; init; }

    /// <summary>For a reply, the ID of the user replied to.</summary>
    public string? InReplyToUserId { get; init; }

    /// <summary>For a reply, the ID of the Post replied to (XAA sends it on replies; standard v2 uses <see cref="ReferencedTweets"/>).</summary>
    public string? InReplyToTweetId { get; init; }

    /// <summary>The BCP 47 language X detected (<c>und</c> when undetermined).</summary>
    public string? Lang { get; init; }

    /// <summary>Posts this one replies to, quotes or reposts (<c>type</c> is <c>replied_to</c>, <c>quoted</c> or <c>retweeted</c>).</summary>
    public IReadOnlyList<XReferencedPost>? ReferencedTweets { get; init; }

    /// <summary>Mentions, URLs, hashtags, cashtags and annotations found in <see cref="Text"/>.</summary>
    public XEntities? Entities { get; init; }

    /// <summary>Engagement counts at the time X built the event.</summary>
    public XPostPublicMetrics? PublicMetrics { get; init; }

    /// <summary>The IDs of every version of the Post, oldest first (one entry when never edited).</summary>
    public IReadOnlyList<string>? EditHistoryTweetIds { get; init; }

    /// <summary>Whether and until when the Post can be edited.</summary>
    public XEditControls? EditControls { get; init; }

    /// <summary>Media keys and poll IDs attached to the Post (expanded in <see cref="XIncludes"/>).</summary>
    public XPostAttachments? Attachments { get; init; }

    /// <summary>Whether X flags the Post's links or media as possibly sensitive.</summary>
    public bool? PossiblySensitive { get; init; }

    /// <summary>Who may reply: <c>everyone</c>, <c>mentionedUsers</c>, <c>following</c>, … (sent as a string).</summary>
    public string? ReplySettings { get; init; }

    /// <summary>The full text and entities of a long Post (over 280 characters).</summary>
    public XNoteTweet? NoteTweet { get; init; }

    /// <summary>The <c>[start, end)</c> character range of the displayable text (excludes leading @mentions and trailing media links).</summary>
    public IReadOnlyList<int>? DisplayTextRange { get; init; }

    /// <summary>Whether the author marked the Post as a paid partnership.</summary>
    public bool? PaidPartnership { get; init; }

    /// <summary>The place tagged on the Post (expanded in <see cref="XIncludes.Places"/>).</summary>
    public XPostGeo? Geo { get; init; }

    /// <summary>Topic domains and entities X inferred from the Post.</summary>
    public IReadOnlyList<XContextAnnotation>? ContextAnnotations { get; init; }

    /// <summary>Where and why the Post is withheld, when it is.</summary>
    public XWithheld? Withheld { get; init; }

    /// <summary>The ID of the Community the Post was posted in, if any.</summary>
    public string? CommunityId { get; init; }

    /// <summary>The URI of the card attached to the Post, if any.</summary>
    public string? CardUri { get; init; }

    /// <summary>Who may see the Post.</summary>
    public XPostScopes? Scopes { get; init; }

    /// <summary>The name of the app the Post was sent from (deprecated by X; often absent).</summary>
    public string? Source { get; init; }

    /// <summary>The author's titles, descriptions and alt texts of the attached media.</summary>
    public IReadOnlyList<XMediaMetadata>? MediaMetadata { get; init; }

    /// <summary>The long-form Article attached to the Post, as raw JSON: X's schema leaves its shape open.</summary>
    public JsonElement? Article { get; init; }

    /// <summary>Metadata about the attached Article's title, as raw JSON (free-form in X's schema).</summary>
    public JsonElement? ArticleTitle { get; init; }

    /// <summary>Engagement counts only the author can see (user-context requests).</summary>
    public XPostPrivateMetrics? NonPublicMetrics { get; init; }

    /// <summary>Organic (unpromoted) engagement counts only the author can see.</summary>
    public XPostPrivateMetrics? OrganicMetrics { get; init; }

    /// <summary>Promoted engagement counts only the author can see.</summary>
    public XPostPrivateMetrics? PromotedMetrics { get; init; }

    /// <summary>Community Notes matched to the Post's media.</summary>
    public IReadOnlyList<XMatchedMediaNote>? MatchedMediaNotes { get; init; }

    /// <summary>Suggestions made when Community Notes were requested for the Post.</summary>
    public IReadOnlyList<XNoteRequestSuggestion>? NoteRequestSuggestions { get; init; }

    /// <summary>URLs suggested as sources for a Community Note on the Post.</summary>
    public IReadOnlyList<string>? SuggestedSourceLinks { get; init; }

    /// <summary>URLs suggested as sources, each with how often it was suggested.</summary>
    public IReadOnlyList<XSuggestedSourceLink>? SuggestedSourceLinksWithCounts { get; init; }

    /// <summary>The author's @handle, where X's schema lets the Post carry it (it is not in <c>tweet.fields</c>).</summary>
    public string? Username { get; init; }
}
