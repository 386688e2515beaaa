namespace XWebhooks.Management;

/// <summary>
/// Optional field and expansion parameters of a filtered-stream webhook link, as on <c>/2/tweets/search/stream</c>:
/// comma-separated lists such as <c>TweetFields = "created_at,author_id"</c>. Unset values are not sent.
/// </summary>
public sealed record XStreamLinkFields
{
    /// <summary><c>tweet.fields</c>.</summary>
    public string? TweetFields { get; init; }

    /// <summary><c>expansions</c>.</summary>
    public string? Expansions { get; init; }

    /// <summary><c>media.fields</c>.</summary>
    public string? MediaFields { get; init; }

    /// <summary><c>poll.fields</c>.</summary>
    public string? PollFields { get; init; }

    /// <summary><c>user.fields</c>.</summary>
    public string? UserFields { get; init; }

    /// <summary><c>place.fields</c>.</summary>
    public string? PlaceFields { get; init; }

    internal string ToQuery()
    {
        List<string> parts = [];
        Add(parts, "tweet.fields", TweetFields);
        Add(parts, "expansions", Expansions);
        Add(parts, "media.fields", MediaFields);
        Add(parts, "poll.fields", PollFields);
        Add(parts, "user.fields", UserFields);
        Add(parts, "place.fields", PlaceFields);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}
