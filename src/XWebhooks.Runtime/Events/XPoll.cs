namespace XWebhooks.Events;

/// <summary>A v2 poll object from <c>includes.polls</c>.</summary>
public sealed class XPoll
{
    /// <summary>The poll ID that <see cref="XPostAttachments.PollIds"/> refers to.</summary>
    public string? Id { get; init; }

    /// <summary>The choices and their votes.</summary>
    public IReadOnlyList<XPollOption>? Options { get; init; }

    /// <summary>How long the poll runs, in minutes.</summary>
    public int? DurationMinutes { get; init; }

    /// <summary>When voting ends (UTC).</summary>
    public DateTimeOffset? EndDatetime { get; init; }

    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public string? VotingStatus { get; init; }
}
