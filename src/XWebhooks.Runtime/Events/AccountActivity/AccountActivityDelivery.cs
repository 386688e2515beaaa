using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// A whole Account Activity webhook body: <c>{"for_user_id", "&lt;kind&gt;_events":[…], "users":{…}, "apps":{…}}</c>.
/// Not an event: handlers receive the per-kind event classes. Parse <c>XDelivery.Body</c> with
/// <see cref="JsonTypeInfo"/> when you need the side maps (<see cref="Users"/>, <see cref="Apps"/>) of a
/// Direct Message delivery, or every event of a delivery at once.
/// </summary>
/// <remarks>
/// X documents un-events both under their own keys (<c>unfollow_events</c>, …) and, in every example, inside
/// <c>follow_events</c>/<c>block_events</c>/<c>mute_events</c> with <c>"type":"unfollow"</c> etc. The shared
/// lists therefore hold both classes: <c>FollowEvents.OfType&lt;UnfollowEvent&gt;()</c> finds the undos.
/// A delivery usually carries one kind, but nothing forbids several; absent kinds are null.
/// </remarks>
public sealed class AccountActivityDelivery
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<AccountActivityDelivery> JsonTypeInfo => XAccountActivityJsonContext.Default.AccountActivityDelivery;

    /// <summary>The subscribed user the events concern (<c>for_user_id</c>); absent on <c>user_event</c> (revoke) deliveries.</summary>
    public string? ForUserId { get; set; }

    /// <summary>
    /// On @mention deliveries, whether the subscribed user has blocked the mentioning user (<c>user_has_blocked</c>,
    /// as the docs' example writes it, with the string <c>"false"</c>). See also <see cref="IsBlockedBy"/>.
    /// </summary>
    [JsonConverter(typeof(AccountActivityLenientBooleanConverter))]
    public bool? UserHasBlocked { get; set; }

    /// <summary>
    /// On @mention deliveries, whether the mentioning user is blocked by the subscribed user (<c>is_blocked_by</c>,
    /// as the docs' field table names it). Which of the two X sends is unclear: check both.
    /// </summary>
    [JsonConverter(typeof(AccountActivityLenientBooleanConverter))]
    public bool? IsBlockedBy { get; set; }

    /// <summary>Posts, Retweets, replies, quotes and mentions (<c>tweet_create_events</c>).</summary>
    public IReadOnlyList<TweetCreateEvent>? TweetCreateEvents { get; set; }

    /// <summary>Likes (<c>favorite_events</c>).</summary>
    public IReadOnlyList<FavoriteEvent>? FavoriteEvents { get; set; }

    /// <summary>Follows and, by <c>type</c>, unfollows (<c>follow_events</c>): <see cref="FollowEvent"/> and <see cref="UnfollowEvent"/> instances.</summary>
    [JsonConverter(typeof(AccountActivityRelationshipEventListConverter<FollowEvent, UnfollowEvent>))]
    public IReadOnlyList<AccountActivityRelationshipEvent>? FollowEvents { get; set; }

    /// <summary>Unfollows under their own key (<c>unfollow_events</c>), as the docs' table lists them.</summary>
    public IReadOnlyList<UnfollowEvent>? UnfollowEvents { get; set; }

    /// <summary>Blocks and, by <c>type</c>, unblocks (<c>block_events</c>): <see cref="BlockEvent"/> and <see cref="UnblockEvent"/> instances.</summary>
    [JsonConverter(typeof(AccountActivityRelationshipEventListConverter<BlockEvent, UnblockEvent>))]
    public IReadOnlyList<AccountActivityRelationshipEvent>? BlockEvents { get; set; }

    /// <summary>Unblocks under their own key (<c>unblock_events</c>), as the docs' table lists them.</summary>
    public IReadOnlyList<UnblockEvent>? UnblockEvents { get; set; }

    /// <summary>Mutes and, by <c>type</c>, unmutes (<c>mute_events</c>): <see cref="MuteEvent"/> and <see cref="UnmuteEvent"/> instances.</summary>
    [JsonConverter(typeof(AccountActivityRelationshipEventListConverter<MuteEvent, UnmuteEvent>))]
    public IReadOnlyList<AccountActivityRelationshipEvent>? MuteEvents { get; set; }

    /// <summary>Unmutes under their own key (<c>unmute_events</c>), as the docs' table lists them.</summary>
    public IReadOnlyList<UnmuteEvent>? UnmuteEvents { get; set; }

    /// <summary>The revoke notice (<c>user_event</c>, an object, not an array).</summary>
    public UserEvent? UserEvent { get; set; }

    /// <summary>Direct Messages sent or received (<c>direct_message_events</c>).</summary>
    public IReadOnlyList<DirectMessageEvent>? DirectMessageEvents { get; set; }

    /// <summary>Typing indicators (<c>direct_message_indicate_typing_events</c>).</summary>
    public IReadOnlyList<DirectMessageIndicateTypingEvent>? DirectMessageIndicateTypingEvents { get; set; }

    /// <summary>Read receipts (<c>direct_message_mark_read_events</c>).</summary>
    public IReadOnlyList<DirectMessageMarkReadEvent>? DirectMessageMarkReadEvents { get; set; }

    /// <summary>Post deletions (<c>tweet_delete_events</c>).</summary>
    public IReadOnlyList<TweetDeleteEvent>? TweetDeleteEvents { get; set; }

    /// <summary>The end of a replay job (<c>replay_job_status</c>, an object).</summary>
    public ReplayJobStatus? ReplayJobStatus { get; set; }

    /// <summary>Users referenced by Direct Message events, keyed by user id (<c>users</c>).</summary>
    public IReadOnlyDictionary<string, V1User>? Users { get; set; }

    /// <summary>Apps referenced by Direct Message events, keyed by app id (<c>apps</c>).</summary>
    public IReadOnlyDictionary<string, AccountActivityApp>? Apps { get; set; }
}
