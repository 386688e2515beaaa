using System.Text.Json;
using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Management.Wire;

/// <summary><c>data</c> of <c>GET …/subscriptions/all/list</c>; <c>subscriptions</c> items are read leniently (object or id).</summary>
internal sealed class AccountActivityListDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ApplicationId { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? WebhookId { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? WebhookUrl { get; set; }

    public List<JsonElement>? Subscriptions { get; set; }
}
