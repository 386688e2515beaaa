using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Management.Wire;

/// <summary>One entry of <c>errors[]</c>: a v2 Problem (<c>title</c>, <c>detail</c>, <c>type</c>), a v1-style <c>{code, message}</c>, or a bulk-delete failure.</summary>
internal sealed class ApiErrorDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Title { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Detail { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Type { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Message { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Code { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Reason { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? SubscriptionId { get; set; }
}
