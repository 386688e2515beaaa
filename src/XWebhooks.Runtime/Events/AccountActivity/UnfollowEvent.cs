using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// An Account Activity unfollow (<c>"type":"unfollow"</c>). X sends it for unfollows by the subscribed user (the docs list unfollows "by/of" the user).
/// </summary>
/// <remarks>X documents this kind as <c>unfollow_events</c> but its example sends it inside <c>follow_events</c>; the runtime routes both forms here.</remarks>
[XEventType(XProduct.AccountActivity, "unfollow_events")]
public sealed class UnfollowEvent : AccountActivityRelationshipEvent, IXEvent<UnfollowEvent>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<UnfollowEvent> JsonTypeInfo => XAccountActivityJsonContext.Default.UnfollowEvent;
}
