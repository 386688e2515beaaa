namespace XWebhooks.Events;

/// <summary>An @mention in a text.</summary>
public sealed class XMentionEntity
{
    /// <summary>Start offset of the mention (inclusive).</summary>
    public int? Start { get; init; }

    /// <summary>End offset of the mention (exclusive).</summary>
    public int? End { get; init; }

    /// <summary>The mentioned user's handle, without <c>@</c>.</summary>
    public string? Username { get; init; }

    /// <summary>The mentioned user's ID (X omits it in user descriptions).</summary>
    public string? Id { get; init; }
}
