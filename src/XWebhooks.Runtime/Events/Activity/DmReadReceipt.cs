namespace XWebhooks.Events.Activity;

/// <summary>A read receipt in the Account Activity shape (<c>direct_message_mark_read_events</c> item).</summary>
public sealed class DmReadReceipt
{
    /// <summary>When the messages were read, in Unix milliseconds.</summary>
    public long? CreatedTimestamp { get; init; }

    /// <summary>The user who read the messages.</summary>
    public string? SenderId { get; init; }

    /// <summary>The other participant.</summary>
    public DmTarget? Target { get; init; }

    /// <summary>The last DM event ID that was read.</summary>
    public string? LastReadEventId { get; init; }
}
