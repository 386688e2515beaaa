namespace XWebhooks.Events.Activity;

/// <summary>The <c>message_create</c> part of a DM event.</summary>
public sealed class DmMessageCreate
{
    /// <summary>Who the message is for.</summary>
    public DmTarget? Target { get; init; }

    /// <summary>The sender's user ID.</summary>
    public string? SenderId { get; init; }

    /// <summary>The ID of the app that sent the message, when X sends it.</summary>
    public string? SourceAppId { get; init; }

    /// <summary>The message text and its entities.</summary>
    public DmMessageData? MessageData { get; init; }
}
