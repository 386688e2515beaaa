using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>post.create</c>: the filtered user created a Post: a standalone Post, reply, quote or repost (replies carry <c>in_reply_to_tweet_id</c>; quotes and reposts <c>referenced_tweets</c>). Public event.
/// </summary>
[XEventType(XProduct.Activity, "post.create")]
public sealed class PostCreated : ActivityEvent<XPost>, IXEvent<PostCreated>
{
    /// <summary>Source-generated JSON metadata for <see cref="PostCreated"/>.</summary>
    public static JsonTypeInfo<PostCreated> JsonTypeInfo => XActivityJsonContext.Default.PostCreated;
}
