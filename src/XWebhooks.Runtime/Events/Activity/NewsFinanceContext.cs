using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>The finance context of a news story.</summary>
public sealed class NewsFinanceContext
{
    /// <summary>Stock tickers the story mentions.</summary>
    [JsonConverter(typeof(LenientStringListConverter))]
    public IReadOnlyList<string>? Tickers { get; init; }
}
