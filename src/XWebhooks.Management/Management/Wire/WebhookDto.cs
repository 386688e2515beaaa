using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Management.Wire;

/// <summary>A webhook config as X returns it.</summary>
internal sealed class WebhookDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Url { get; set; }

    [JsonConverter(typeof(AccountActivityLenientBooleanConverter))]
    public bool? Valid { get; set; }

    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? CreatedAt { get; set; }
}
