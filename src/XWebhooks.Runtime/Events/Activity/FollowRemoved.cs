using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>follow.unfollow</c>: the filtered user unfollowed someone or was unfollowed (<c>source</c> unfollows <c>target</c>).
/// </summary>
[XEventType(XProduct.Activity, "follow.unfollow")]
public sealed class FollowRemoved : ActivityEvent<UserPairPayload>, IXEvent<FollowRemoved>
{
    /// <summary>Source-generated JSON metadata for <see cref="FollowRemoved"/>.</summary>
    public static JsonTypeInfo<FollowRemoved> JsonTypeInfo => XActivityJsonContext.Default.FollowRemoved;
}
