using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Management.Wire;

/// <summary>The <c>meta</c> object of list answers (counts may arrive as strings).</summary>
internal sealed class ApiMeta
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? NextToken { get; set; }

    public int? ResultCount { get; set; }

    public int? TotalSubscriptions { get; set; }
}
