using System.Text.Json;
using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Management.Wire;

/// <summary>
/// Any X API v2 answer: <c>data</c> (object or array, shape decided by the caller), <c>meta</c>, <c>errors</c>, and the
/// top-level RFC 7807 fields some errors use instead of <c>errors[]</c>.
/// </summary>
internal sealed class ApiEnvelope
{
    public JsonElement? Data { get; set; }

    public ApiMeta? Meta { get; set; }

    public List<ApiErrorDto>? Errors { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Title { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Detail { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Type { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Reason { get; set; }

    /// <summary>Some legacy errors carry a single top-level <c>error</c> string.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Error { get; set; }
}
