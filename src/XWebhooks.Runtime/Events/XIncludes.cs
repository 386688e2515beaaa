using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events;

/// <summary>
/// Expanded objects X sends next to an event or Post (<c>includes</c>): the users, Posts, media, places, polls and topics
/// that the payload references by ID. Every list may be absent.
/// </summary>
public sealed class XIncludes
{
    /// <summary>Referenced users. Bare or <c>{"data":{…}}</c>-wrapped items are both accepted.</summary>
    [JsonConverter(typeof(WrappedUserListConverter))]
    public IReadOnlyList<XUser>? Users { get; init; }

    /// <summary>Referenced Posts (for example the Post replied to, quoted or liked).</summary>
    public IReadOnlyList<XPost>? Tweets { get; init; }

    /// <summary>Attached media, matched by <see cref="XMedia.MediaKey"/>.</summary>
    public IReadOnlyList<XMedia>? Media { get; init; }

    /// <summary>Tagged places, matched by <see cref="XPlace.Id"/>.</summary>
    public IReadOnlyList<XPlace>? Places { get; init; }

    /// <summary>Attached polls, matched by <see cref="XPoll.Id"/>.</summary>
    public IReadOnlyList<XPoll>? Polls { get; init; }

    /// <summary>Referenced topics, matched by <see cref="XTopic.Id"/>.</summary>
    public IReadOnlyList<XTopic>? Topics { get; init; }
}
