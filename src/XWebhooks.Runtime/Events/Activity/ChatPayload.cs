namespace XWebhooks.Events.Activity;

/// <summary>
/// The <c>payload</c> of <c>chat.*</c> (encrypted XChat) events: conversation identity plus opaque encoded crypto
/// material that only the XChat client libraries can decrypt. The message text is not readable from here.
/// </summary>
public sealed class ChatPayload
{
    /// <summary>The chat event's ID (a UUID).</summary>
    public string? Id { get; init; }

    /// <summary>The conversation, for one-to-one chats <c>&lt;user id&gt;:&lt;user id&gt;</c>.</summary>
    public string? ConversationId { get; init; }

    /// <summary>The sender's user ID.</summary>
    public string? SenderId { get; init; }

    /// <summary>When the event was created, in Unix milliseconds (X sends it as a string).</summary>
    public long? CreatedAtMsec { get; init; }

    /// <summary>An opaque token for the conversation, used by the XChat libraries.</summary>
    public string? ConversationToken { get; init; }

    /// <summary>The version of the conversation key the event is encrypted with.</summary>
    public string? ConversationKeyVersion { get; init; }

    /// <summary>The encrypted event (base64 Thrift).</summary>
    public string? EncodedEvent { get; init; }

    /// <summary>The encoded conversation-key change event that carries the key material.</summary>
    public string? ConversationKeyChangeEvent { get; init; }

    /// <summary>The sender's signature over the message event.</summary>
    public ChatMessageEventSignature? MessageEventSignature { get; init; }

    /// <summary>When the event was created (UTC), under the name X's schema (<c>ChatMessageEvent</c>) uses; the docs' examples send <see cref="CreatedAtMsec"/>.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The ID of the previous event in the conversation (X's schema, <c>ChatMessageEvent</c>).</summary>
    public string? PreviousId { get; init; }

    /// <summary>Whether X marks the event as trusted (X's schema, <c>ChatMessageEvent</c>).</summary>
    public bool? IsTrusted { get; init; }
}
