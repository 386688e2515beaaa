using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>post.delete</c>: the filtered user deleted a Post. The payload holds the Post ID and author ID. Public event.
/// </summary>
[XEventType(XProduct.Activity, "post.delete")]
public sealed class PostDeleted : ActivityEvent<PostDeletePayload>, IXEvent<PostDeleted>
{
    /// <summary>Source-generated JSON metadata for <see cref="PostDeleted"/>.</summary>
    public static JsonTypeInfo<PostDeleted> JsonTypeInfo => XActivityJsonContext.Default.PostDeleted;
}
