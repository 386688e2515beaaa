namespace XWebhooks.Events.Activity;

/// <summary>An @mention in a DM text.</summary>
public sealed class DmUserMention
{
    /// <summary>The mentioned user's ID as a string.</summary>
    public string? IdStr { get; init; }

    /// <summary>The mentioned user's handle.</summary>
    public string? ScreenName { get; init; }

    /// <summary>The mentioned user's display name.</summary>
    public string? Name { get; init; }

    /// <summary>Start and end offsets.</summary>
    public IReadOnlyList<int>? Indices { get; init; }
}
