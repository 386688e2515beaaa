namespace XWebhooks.Events;

/// <summary>A Post's <c>edit_controls</c>: whether it may still be edited.</summary>
public sealed class XEditControls
{
    /// <summary>How many edits remain (X allows 5).</summary>
    public int? EditsRemaining { get; init; }

    /// <summary>Whether the Post can be edited at all.</summary>
    public bool? IsEditEligible { get; init; }

    /// <summary>When the edit window closes (UTC).</summary>
    public DateTimeOffset? EditableUntil { get; init; }
}
