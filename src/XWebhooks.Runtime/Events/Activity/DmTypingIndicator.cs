namespace XWebhooks.Events.Activity;

/// <summary>A typing indicator in the Account Activity shape (<c>direct_message_indicate_typing_events</c> item).</summary>
public sealed class DmTypingIndicator
{
    /// <summary>When typing was reported, in Unix milliseconds.</summary>
    public long? CreatedTimestamp { get; init; }

    /// <summary>The user who is typing.</summary>
    public string? SenderId { get; init; }

    /// <summary>The user being typed to.</summary>
    public DmTarget? Target { get; init; }
}
