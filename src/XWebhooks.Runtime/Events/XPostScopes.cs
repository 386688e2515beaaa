namespace XWebhooks.Events;

/// <summary>A Post's <c>scopes</c>: who may see it.</summary>
public sealed class XPostScopes
{
    /// <summary>Whether the Post is visible only to the author's followers.</summary>
    public bool? Followers { get; init; }
}
