using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>Named entities of a news story, by kind.</summary>
public sealed class NewsContextEntities
{
    /// <summary>Events.</summary>
    [JsonConverter(typeof(LenientStringListConverter))]
    public IReadOnlyList<string>? Events { get; init; }

    /// <summary>Organisations, for example <c>OpenAI</c>.</summary>
    [JsonConverter(typeof(LenientStringListConverter))]
    public IReadOnlyList<string>? Organizations { get; init; }

    /// <summary>People.</summary>
    [JsonConverter(typeof(LenientStringListConverter))]
    public IReadOnlyList<string>? People { get; init; }

    /// <summary>Places.</summary>
    [JsonConverter(typeof(LenientStringListConverter))]
    public IReadOnlyList<string>? Places { get; init; }

    /// <summary>Products.</summary>
    [JsonConverter(typeof(LenientStringListConverter))]
    public IReadOnlyList<string>? Products { get; init; }
}
