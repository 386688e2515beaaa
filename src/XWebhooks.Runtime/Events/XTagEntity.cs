namespace XWebhooks.Events;

/// <summary>A #hashtag or $cashtag in a text.</summary>
public sealed class XTagEntity
{
    /// <summary>Start offset of the tag (inclusive).</summary>
    public int? Start { get; init; }

    /// <summary>End offset of the tag (exclusive).</summary>
    public int? End { get; init; }

    /// <summary>The tag without its <c>#</c> or <c>$</c>.</summary>
    public string? Tag { get; init; }
}
