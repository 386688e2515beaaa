using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Management.Wire;

/// <summary><c>data</c> of <c>GET /2/account_activity/subscriptions/count</c>: X sends every value as a string.</summary>
internal sealed class AccountActivityCountDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? AccountName { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? ProvisionedCount { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? SubscriptionsCountAll { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? SubscriptionsCountDirectMessages { get; set; }
}
