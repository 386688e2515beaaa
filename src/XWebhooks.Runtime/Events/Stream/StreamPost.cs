using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Stream;

/// <summary>
/// A filtered-stream webhook delivery: one Post that matched your stream rules, as
/// <c>{"data":&lt;Post&gt;,"includes":{…},"matching_rules":[{"id","tag"}]}</c> (the same shape as a line of
/// <c>GET /2/tweets/search/stream</c>). The whole body is this event.
/// </summary>
[XEventType(XProduct.FilteredStream, "post")]
public sealed class StreamPost : IXEvent<StreamPost>
{
    /// <summary>Source-generated JSON metadata for <see cref="StreamPost"/>.</summary>
    public static JsonTypeInfo<StreamPost> JsonTypeInfo => XStreamJsonContext.Default.StreamPost;

    /// <summary>The matching Post (edited Posts carry <c>edit_history_tweet_ids</c>).</summary>
    public XPost? Data { get; init; }

    /// <summary>Expanded users, Posts, media, places and polls, per the expansions linked with the webhook.</summary>
    public XIncludes? Includes { get; init; }

    /// <summary>The rules the Post matched.</summary>
    public IReadOnlyList<StreamMatchingRule>? MatchingRules { get; init; }

    /// <summary>
    /// Partial errors X sent beside the Post (<c>errors</c>), for example an expansion it could not fill in because
    /// the referenced Post was deleted. The Post is still delivered; the same list is on <see cref="XDelivery.Errors"/>.
    /// </summary>
    public IReadOnlyList<XProblem>? Errors { get; init; }
}
