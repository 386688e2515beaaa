namespace XWebhooks.Events.Activity;

/// <summary>v1.1-style entities of a DM text. Positions are <c>indices</c> pairs <c>[start, end)</c>.</summary>
public sealed class DmEntities
{
    /// <summary>#hashtags.</summary>
    public IReadOnlyList<DmTextEntity>? Hashtags { get; init; }

    /// <summary>$cashtags.</summary>
    public IReadOnlyList<DmTextEntity>? Symbols { get; init; }

    /// <summary>@mentions.</summary>
    public IReadOnlyList<DmUserMention>? UserMentions { get; init; }

    /// <summary>Links.</summary>
    public IReadOnlyList<DmUrlEntity>? Urls { get; init; }
}
