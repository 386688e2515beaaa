namespace XWebhooks.Events.Activity;

/// <summary>The sports context of a news story.</summary>
public sealed class NewsSportsContext
{
    /// <summary>Teams the story mentions.</summary>
    public IReadOnlyList<string>? Teams { get; init; }
}
