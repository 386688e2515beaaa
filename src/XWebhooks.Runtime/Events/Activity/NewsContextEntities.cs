namespace XWebhooks.Events.Activity;

/// <summary>Named entities of a news story, by kind.</summary>
public sealed class NewsContextEntities
{
    /// <summary>Events.</summary>
    public IReadOnlyList<string>? Events { get; init; }

    /// <summary>Organisations, for example <c>OpenAI</c>.</summary>
    public IReadOnlyList<string>? Organizations { get; init; }

    /// <summary>People.</summary>
    public IReadOnlyList<string>? People { get; init; }

    /// <summary>Places.</summary>
    public IReadOnlyList<string>? Places { get; init; }

    /// <summary>Products.</summary>
    public IReadOnlyList<string>? Products { get; init; }
}
