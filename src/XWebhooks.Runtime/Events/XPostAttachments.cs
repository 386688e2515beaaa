namespace XWebhooks.Events;

/// <summary>A Post's <c>attachments</c>: keys of media and IDs of polls, expanded in <see cref="XIncludes"/>.</summary>
public sealed class XPostAttachments
{
    /// <summary>Keys of attached media (see <see cref="XIncludes.Media"/>).</summary>
    public IReadOnlyList<string>? MediaKeys { get; init; }

    /// <summary>IDs of attached polls (see <see cref="XIncludes.Polls"/>).</summary>
    public IReadOnlyList<string>? PollIds { get; init; }

    /// <summary>IDs of the Posts the attached media first appeared in (media reused from another Post).</summary>
    public IReadOnlyList<string>? MediaSourceTweetId { get; init; }
}
