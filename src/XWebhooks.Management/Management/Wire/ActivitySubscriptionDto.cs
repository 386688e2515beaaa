using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Management.Wire;

/// <summary>An X Activity API subscription as X returns it.</summary>
internal sealed class ActivitySubscriptionDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? SubscriptionId { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? EventType { get; set; }

    public ActivityFilterDto? Filter { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Tag { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? WebhookId { get; set; }

    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? UpdatedAt { get; set; }
}
