using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>The sports context of a news story.</summary>
public sealed class NewsSportsContext
{
    /// <summary>Teams the story mentions.</summary>
    [JsonConverter(typeof(LenientStringListConverter))]
    public IReadOnlyList<string>? Teams { get; init; }
}
