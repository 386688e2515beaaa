using System.Text.Json.Serialization;
using XWebhooks.Events;
using XWebhooks.Events.Stream;

namespace XWebhooks.Serialization;

/// <summary>Source-generated System.Text.Json metadata for filtered-stream webhook deliveries.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LenientDateTimeOffsetConverter)])]
[JsonSerializable(typeof(StreamPost))]
[JsonSerializable(typeof(XUser))]
internal sealed partial class XStreamJsonContext : JsonSerializerContext;
