namespace XWebhooks.Events;

/// <summary>A long Post's <c>note_tweet</c>: the full text and its entities.</summary>
public sealed class XNoteTweet
{
    /// <summary>The full text of the Post.</summary>
    public string? Text { get; init; }

    /// <summary>Entities found in the full text.</summary>
    public XEntities? Entities { get; init; }
}
