using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>post.repost.create</c>: another user reposted a Post by the filtered user (<c>referenced_tweets</c> type <c>retweeted</c> names the original). Private event (<c>tweet.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "post.repost.create")]
public sealed class PostRepostCreated : ActivityEvent<XPost>, IXEvent<PostRepostCreated>
{
    /// <summary>Source-generated JSON metadata for <see cref="PostRepostCreated"/>.</summary>
    public static JsonTypeInfo<PostRepostCreated> JsonTypeInfo => XActivityJsonContext.Default.PostRepostCreated;
}
