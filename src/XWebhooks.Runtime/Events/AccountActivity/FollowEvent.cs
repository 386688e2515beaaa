using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// An Account Activity <c>follow_events</c> element with <c>"type":"follow"</c>. X sends it when the subscribed user follows someone and when someone follows the user.
/// </summary>
/// <remarks>Elements of <c>follow_events</c> whose <c>type</c> is <c>unfollow</c> are <see cref="UnfollowEvent"/>s.</remarks>
[XEventType(XProduct.AccountActivity, "follow_events")]
public sealed class FollowEvent : AccountActivityRelationshipEvent, IXEvent<FollowEvent>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<FollowEvent> JsonTypeInfo => XAccountActivityJsonContext.Default.FollowEvent;
}
