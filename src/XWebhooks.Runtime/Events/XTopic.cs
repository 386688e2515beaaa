namespace XWebhooks.Events;

/// <summary>A v2 topic object from <c>includes.topics</c>.</summary>
public sealed class XTopic
{
    /// <summary>The topic ID.</summary>
    public string? Id { get; init; }

    /// <summary>The topic's name.</summary>
    public string? Name { get; init; }

    /// <summary>The topic's description.</summary>
    public string? Description { get; init; }
}
