using System.Text.Json.Serialization;
using XWebhooks.Events;
using XWebhooks.Events.Activity;

namespace XWebhooks.Serialization;

/// <summary>Source-generated System.Text.Json metadata for every X Activity API (XAA) event type.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LenientDateTimeOffsetConverter)])]
[JsonSerializable(typeof(PostCreated))]
[JsonSerializable(typeof(PostDeleted))]
[JsonSerializable(typeof(PostMentionCreated))]
[JsonSerializable(typeof(PostReplyCreated))]
[JsonSerializable(typeof(PostQuoteCreated))]
[JsonSerializable(typeof(PostRepostCreated))]
[JsonSerializable(typeof(LikeCreated))]
[JsonSerializable(typeof(FollowCreated))]
[JsonSerializable(typeof(FollowRemoved))]
[JsonSerializable(typeof(ProfileBioUpdated))]
[JsonSerializable(typeof(ProfilePictureUpdated))]
[JsonSerializable(typeof(ProfileBannerUpdated))]
[JsonSerializable(typeof(ProfileScreenNameUpdated))]
[JsonSerializable(typeof(ProfileHandleUpdated))]
[JsonSerializable(typeof(ProfileGeoUpdated))]
[JsonSerializable(typeof(ProfileUrlUpdated))]
[JsonSerializable(typeof(ProfileVerifiedBadgeUpdated))]
[JsonSerializable(typeof(ProfileAffiliateBadgeUpdated))]
[JsonSerializable(typeof(ChatReceived))]
[JsonSerializable(typeof(ChatSent))]
[JsonSerializable(typeof(ChatConversationJoined))]
[JsonSerializable(typeof(ChatMemberAdded))]
[JsonSerializable(typeof(ChatMemberRemoved))]
[JsonSerializable(typeof(ChatAdminAdded))]
[JsonSerializable(typeof(ChatAdminRemoved))]
[JsonSerializable(typeof(ChatGroupNameUpdated))]
[JsonSerializable(typeof(ChatRestrictionsUpdated))]
[JsonSerializable(typeof(DirectMessageReceived))]
[JsonSerializable(typeof(DirectMessageSent))]
[JsonSerializable(typeof(DirectMessageRead))]
[JsonSerializable(typeof(DirectMessageTyping))]
[JsonSerializable(typeof(NewsCreated))]
[JsonSerializable(typeof(SpaceStarted))]
[JsonSerializable(typeof(SpaceEnded))]
[JsonSerializable(typeof(MuteCreated))]
[JsonSerializable(typeof(MuteRemoved))]
[JsonSerializable(typeof(BlockCreated))]
[JsonSerializable(typeof(BlockRemoved))]
[JsonSerializable(typeof(BroadcastStarted))]
[JsonSerializable(typeof(BroadcastEnded))]
[JsonSerializable(typeof(BroadcastChatReceived))]
[JsonSerializable(typeof(OAuthRevoked))]
[JsonSerializable(typeof(XUser))]
[JsonSerializable(typeof(XProblem))]
internal sealed partial class XActivityJsonContext : JsonSerializerContext;
