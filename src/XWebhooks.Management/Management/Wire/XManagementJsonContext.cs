using System.Text.Json.Serialization;

namespace XWebhooks.Management.Wire;

/// <summary>Source-generated System.Text.Json metadata for the management API (Native AOT clean, no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ApiEnvelope))]
[JsonSerializable(typeof(WebhookDto))]
[JsonSerializable(typeof(ReplayJobDto))]
[JsonSerializable(typeof(ResultFlagsDto))]
[JsonSerializable(typeof(ActivitySubscriptionDto))]
[JsonSerializable(typeof(AccountActivityListDto))]
[JsonSerializable(typeof(AccountActivityCountDto))]
[JsonSerializable(typeof(StreamLinkDto))]
[JsonSerializable(typeof(CreateWebhookBody))]
[JsonSerializable(typeof(ReplayBody))]
[JsonSerializable(typeof(ActivitySubscriptionBody))]
[JsonSerializable(typeof(ActivitySubscriptionUpdateBody))]
internal sealed partial class XManagementJsonContext : JsonSerializerContext;
