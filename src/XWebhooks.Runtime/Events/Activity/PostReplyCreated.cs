using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>post.reply.create</c>: another user posted a direct reply to a Post by the filtered user (not replies to replies). Private event (<c>tweet.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "post.reply.create")]
public sealed class PostReplyCreated : ActivityEvent<XPost>, IXEvent<PostReplyCreated>
{
    /// <summary>Source-generated JSON metadata for <see cref="PostReplyCreated"/>.</summary>
    public static JsonTypeInfo<PostReplyCreated> JsonTypeInfo => XActivityJsonContext.Default.PostReplyCreated;
}
