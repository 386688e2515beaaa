using System.Text.Json;
using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Management.Wire;

/// <summary>One filtered-stream webhook link as X lists it.</summary>
internal sealed class StreamLinkDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? WebhookId { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? ApplicationId { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? BusinessUserId { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? InstanceId { get; set; }

    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Strings in every known example; read leniently in case X sends objects.</summary>
    public List<JsonElement>? Fields { get; set; }

    /// <summary>The spec-2.166 list wraps links in <c>data.links[]</c>.</summary>
    public List<StreamLinkDto>? Links { get; set; }
}
