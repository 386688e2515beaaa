using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events;

/// <summary>
/// One item of the top-level <c>errors</c> array X sends beside the data: a partial error (RFC 7807-style problem),
/// for example when an expansion could not be filled in (a referenced Post was deleted or is protected). The
/// event itself is still delivered. Which fields are set depends on <see cref="Type"/>.
/// </summary>
public sealed class XProblem
{
    /// <summary>The problem type URI, for example <c>https://api.twitter.com/2/problems/resource-not-found</c>.</summary>
    public string? Type { get; init; }

    /// <summary>A short summary, for example <c>Not Found Error</c>.</summary>
    public string? Title { get; init; }

    /// <summary>A human-readable explanation.</summary>
    public string? Detail { get; init; }

    /// <summary>An HTTP-like status code, when X sends one.</summary>
    public int? Status { get; init; }

    /// <summary>The kind of resource concerned, for example <c>tweet</c> or <c>user</c>.</summary>
    public string? ResourceType { get; init; }

    /// <summary>The ID of the resource concerned.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ResourceId { get; init; }

    /// <summary>The request parameter or field path concerned, for example <c>referenced_tweets.id</c>.</summary>
    public string? Parameter { get; init; }

    /// <summary>The value of <see cref="Parameter"/> that failed.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Value { get; init; }

    /// <summary>The field that could not be filled in or is not authorized.</summary>
    public string? Field { get; init; }

    /// <summary>The part of the response concerned (for example <c>data</c> or <c>includes</c>).</summary>
    public string? Section { get; init; }
}
