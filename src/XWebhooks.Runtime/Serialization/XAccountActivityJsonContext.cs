using System.Text.Json.Serialization;
using XWebhooks.Events.AccountActivity;

namespace XWebhooks.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata for every Account Activity API model (events and the
/// <see cref="AccountActivityDelivery"/> envelope). Snake-case names, numbers accepted as strings
/// (X writes <c>timestamp_ms</c> and <c>created_timestamp</c> either way), unknown fields ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccountActivityDelivery))]
[JsonSerializable(typeof(TweetCreateEvent))]
[JsonSerializable(typeof(FavoriteEvent))]
[JsonSerializable(typeof(FollowEvent))]
[JsonSerializable(typeof(UnfollowEvent))]
[JsonSerializable(typeof(BlockEvent))]
[JsonSerializable(typeof(UnblockEvent))]
[JsonSerializable(typeof(MuteEvent))]
[JsonSerializable(typeof(UnmuteEvent))]
[JsonSerializable(typeof(UserEvent))]
[JsonSerializable(typeof(DirectMessageEvent))]
[JsonSerializable(typeof(DirectMessageIndicateTypingEvent))]
[JsonSerializable(typeof(DirectMessageMarkReadEvent))]
[JsonSerializable(typeof(TweetDeleteEvent))]
[JsonSerializable(typeof(ReplayJobStatus))]
[JsonSerializable(typeof(V1Tweet))]
[JsonSerializable(typeof(V1User))]
internal sealed partial class XAccountActivityJsonContext : JsonSerializerContext
{
}
