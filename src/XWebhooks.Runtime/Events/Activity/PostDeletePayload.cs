namespace XWebhooks.Events.Activity;

/// <summary>The <c>payload</c> of <c>post.delete</c>: which Post was deleted and by whom.</summary>
public sealed class PostDeletePayload
{
    /// <summary>The deleted Post's ID.</summary>
    public string? Id { get; init; }

    /// <summary>The ID of the deleted Post's author.</summary>
    public string? AuthorId { get; init; }
}
