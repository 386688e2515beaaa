namespace XWebhooks.Events;

/// <summary>One item of a Post's <c>note_request_suggestions</c>: a suggestion made when a Community Note was requested.</summary>
public sealed class XNoteRequestSuggestion
{
    /// <summary>The suggestion's ID.</summary>
    public string? SuggestionId { get; init; }

    /// <summary>The suggested text.</summary>
    public string? Suggestion { get; init; }

    /// <summary>The source link given with the suggestion.</summary>
    public string? SourceLink { get; init; }
}
