using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>The <c>payload</c> of <c>broadcast.chat</c>: a chat message in a broadcast the filtered user owns.</summary>
public sealed class BroadcastChatPayload
{
    /// <summary>The broadcast's ID.</summary>
    public string? BroadcastId { get; init; }

    /// <summary>The chat message's ID.</summary>
    public string? MessageId { get; init; }

    /// <summary>The chat message text.</summary>
    public string? Message { get; init; }

    /// <summary>Who sent the message. X wraps it as <c>{"data":{…}}</c>; a bare user is accepted too.</summary>
    [JsonConverter(typeof(WrappedUserConverter))]
    public XUser? Author { get; init; }
}
