using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// The Account Activity <c>user_event</c> object (one per delivery, not an array). X sends it when the
/// subscribed user revokes the app's access (<see cref="Revoke"/>). Such deliveries carry no <c>for_user_id</c>:
/// the user is <see cref="AccountActivityRevoke.Source"/>.
/// </summary>
[XEventType(XProduct.AccountActivity, "user_event")]
public sealed class UserEvent : IXEvent<UserEvent>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<UserEvent> JsonTypeInfo => XAccountActivityJsonContext.Default.UserEvent;

    /// <summary>The revocation (<c>revoke</c>); null when X sends another, undocumented user event.</summary>
    public AccountActivityRevoke? Revoke { get; set; }
}
