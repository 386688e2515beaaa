using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>The <c>contexts</c> of a news story.</summary>
public sealed class NewsContexts
{
    /// <summary>Named entities the story is about.</summary>
    public NewsContextEntities? Entities { get; init; }

    /// <summary>Topics, for example <c>Technology</c>.</summary>
    [JsonConverter(typeof(LenientStringListConverter))]
    public IReadOnlyList<string>? Topics { get; init; }

    /// <summary>Finance context (<c>tickers</c>).</summary>
    public NewsFinanceContext? Finance { get; init; }

    /// <summary>Sports context (<c>teams</c>).</summary>
    public NewsSportsContext? Sports { get; init; }
}
