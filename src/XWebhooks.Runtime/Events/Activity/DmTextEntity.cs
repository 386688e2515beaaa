namespace XWebhooks.Events.Activity;

/// <summary>A hashtag or symbol in a DM text.</summary>
public sealed class DmTextEntity
{
    /// <summary>The tag without <c>#</c> or <c>$</c>.</summary>
    public string? Text { get; init; }

    /// <summary>Start and end offsets.</summary>
    public IReadOnlyList<int>? Indices { get; init; }
}
