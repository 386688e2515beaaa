using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.AccountActivity;

/// <summary>
/// The shared shape of Account Activity follow, block and mute events and their undos:
/// <c>{"type","created_timestamp","source","target"}</c>. <see cref="Source"/> performed the action on <see cref="Target"/>.
/// </summary>
public abstract class AccountActivityRelationshipEvent
{
    /// <summary>Lets only this assembly derive (one sealed class per event kind).</summary>
    private protected AccountActivityRelationshipEvent()
    {
    }

    /// <summary>The action as X wrote it (<c>type</c>): <c>follow</c>, <c>unfollow</c>, <c>block</c>, <c>unblock</c>, <c>mute</c> or <c>unmute</c>.</summary>
    public string? Type { get; set; }

    /// <summary>When it happened, in epoch milliseconds (<c>created_timestamp</c>; sent as a numeric string).</summary>
    public long? CreatedTimestamp { get; set; }

    /// <summary><see cref="CreatedTimestamp"/> as a UTC time, or null when absent.</summary>
    [JsonIgnore]
    public DateTimeOffset? CreatedAtTime => AccountActivityDates.FromUnixMilliseconds(CreatedTimestamp);

    /// <summary>The user who performed the action (<c>source</c>).</summary>
    public V1User? Source { get; set; }

    /// <summary>The user the action applies to (<c>target</c>).</summary>
    public V1User? Target { get; set; }
}
