using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>follow.follow</c>: the filtered user followed someone or was followed (<c>source</c> follows <c>target</c>).
/// </summary>
[XEventType(XProduct.Activity, "follow.follow")]
public sealed class FollowCreated : ActivityEvent<UserPairPayload>, IXEvent<FollowCreated>
{
    /// <summary>Source-generated JSON metadata for <see cref="FollowCreated"/>.</summary>
    public static JsonTypeInfo<FollowCreated> JsonTypeInfo => XActivityJsonContext.Default.FollowCreated;
}
