using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Management.Wire;

/// <summary>The one-flag answers: <c>{"data":{"deleted"|"valid"|"attempted"|"subscribed"|"provisioned": …}}</c>.</summary>
internal sealed class ResultFlagsDto
{
    [JsonConverter(typeof(AccountActivityLenientBooleanConverter))]
    public bool? Deleted { get; set; }

    [JsonConverter(typeof(AccountActivityLenientBooleanConverter))]
    public bool? Valid { get; set; }

    [JsonConverter(typeof(AccountActivityLenientBooleanConverter))]
    public bool? Attempted { get; set; }

    [JsonConverter(typeof(AccountActivityLenientBooleanConverter))]
    public bool? Subscribed { get; set; }

    [JsonConverter(typeof(AccountActivityLenientBooleanConverter))]
    public bool? Provisioned { get; set; }
}
