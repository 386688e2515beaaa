namespace XWebhooks.Events;

/// <summary>One choice of a poll.</summary>
public sealed class XPollOption
{
    /// <summary>1-based position of the choice.</summary>
    public int? Position { get; init; }

    /// <summary>The choice's text.</summary>
    public string? Label { get; init; }

    /// <summary>Votes so far.</summary>
    public long? Votes { get; init; }
}
