using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Stream;

/// <summary>A filtered-stream rule a delivered Post matched (<c>matching_rules</c> item).</summary>
public sealed class StreamMatchingRule
{
    /// <summary>The rule's ID (a 64-bit number sent as a string).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }

    /// <summary>The rule's tag, when the rule has one.</summary>
    public string? Tag { get; init; }
}
