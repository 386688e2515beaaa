namespace XWebhooks.Events.Activity;

/// <summary>One item of <c>direct_message_events</c> in a <c>dm.*</c> payload (the v1.1 DM event shape).</summary>
public sealed class DmEvent
{
    /// <summary>The event kind; <c>message_create</c> for a message.</summary>
    public string? Type { get; init; }

    /// <summary>The DM event ID.</summary>
    public string? Id { get; init; }

    /// <summary>When the message was sent, in Unix milliseconds (X sends it as a string).</summary>
    public long? CreatedTimestamp { get; init; }

    /// <summary>The message: sender, recipient and content.</summary>
    public DmMessageCreate? MessageCreate { get; init; }
}
