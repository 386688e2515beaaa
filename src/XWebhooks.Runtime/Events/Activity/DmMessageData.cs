namespace XWebhooks.Events.Activity;

/// <summary>The <c>message_data</c> of a DM: text and entities (v1.1 style).</summary>
public sealed class DmMessageData
{
    /// <summary>The message text.</summary>
    public string? Text { get; init; }

    /// <summary>Hashtags, symbols, mentions and URLs in the text.</summary>
    public DmEntities? Entities { get; init; }
}
