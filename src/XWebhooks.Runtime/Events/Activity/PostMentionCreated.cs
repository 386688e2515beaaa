using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>post.mention.create</c>: another user explicitly @mentioned the filtered user in a Post's text (not implicit reply or repost mentions). Private event (<c>tweet.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "post.mention.create")]
public sealed class PostMentionCreated : ActivityEvent<XPost>, IXEvent<PostMentionCreated>
{
    /// <summary>Source-generated JSON metadata for <see cref="PostMentionCreated"/>.</summary>
    public static JsonTypeInfo<PostMentionCreated> JsonTypeInfo => XActivityJsonContext.Default.PostMentionCreated;
}
