using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Management.Wire;

/// <summary>The XAA subscription <c>filter</c> on the wire (requests and answers).</summary>
internal sealed class ActivityFilterDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? UserId { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Keyword { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Direction { get; set; }
}
