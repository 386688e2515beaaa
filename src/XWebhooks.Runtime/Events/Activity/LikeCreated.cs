using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>like.create</c>: the filtered user liked a Post, or one of their Posts was liked (subscription <c>direction</c> <c>outbound</c>/<c>inbound</c>; both if unset). <c>includes</c> may hold the liked Post and users. Private event (<c>like.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "like.create")]
public sealed class LikeCreated : ActivityEvent<LikePayload>, IXEvent<LikeCreated>
{
    /// <summary>Source-generated JSON metadata for <see cref="LikeCreated"/>.</summary>
    public static JsonTypeInfo<LikeCreated> JsonTypeInfo => XActivityJsonContext.Default.LikeCreated;
}
