using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// One element of the Account Activity <c>favorite_events</c> array: a like. X sends it when the subscribed
/// user likes a post and when someone likes one of the user's posts.
/// </summary>
[XEventType(XProduct.AccountActivity, "favorite_events")]
public sealed class FavoriteEvent : IXEvent<FavoriteEvent>
{
    /// <summary>Source-generated JSON metadata for this type.</summary>
    public static JsonTypeInfo<FavoriteEvent> JsonTypeInfo => XAccountActivityJsonContext.Default.FavoriteEvent;

    /// <summary>The like's id (<c>id</c>, an opaque hex string); a natural dedupe key together with <c>for_user_id</c>.</summary>
    public string? Id { get; set; }

    /// <summary>When the like happened, as v1.1 text (<c>created_at</c>). See <see cref="CreatedAtTime"/>.</summary>
    public string? CreatedAt { get; set; }

    /// <summary>When the like happened in epoch milliseconds (<c>timestamp_ms</c>; a number, or a numeric string).</summary>
    public long? TimestampMs { get; set; }

    /// <summary>When the like happened: <see cref="CreatedAt"/> parsed, else <see cref="TimestampMs"/>; null when neither is usable.</summary>
    [JsonIgnore]
    public DateTimeOffset? CreatedAtTime => AccountActivityDates.ParseV1(CreatedAt) ?? AccountActivityDates.FromUnixMilliseconds(TimestampMs);

    /// <summary>The liked post (<c>favorited_status</c>).</summary>
    public V1Tweet? FavoritedStatus { get; set; }

    /// <summary>The user who liked it (<c>user</c>).</summary>
    public V1User? User { get; set; }
}
