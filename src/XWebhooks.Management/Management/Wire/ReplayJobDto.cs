using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Management.Wire;

/// <summary>A replay job as X returns it (wrapped in <c>data</c>, in <c>replay_event</c> or bare).</summary>
internal sealed class ReplayJobDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? JobId { get; set; }

    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? CreatedAt { get; set; }
}
