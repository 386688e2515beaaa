namespace XWebhooks.Events;

/// <summary>One item of a Post's <c>matched_media_notes</c>: a Community Note matched to the Post's media.</summary>
public sealed class XMatchedMediaNote
{
    /// <summary>The Community Note's ID.</summary>
    public string? NoteId { get; init; }

    /// <summary>How the note matched (a status string X defines).</summary>
    public string? MatchStatus { get; init; }
}
