using System.Text.Json.Serialization;

namespace XWebhooks.HandWritten;

/// <summary>An X Activity API delivery, only the fields the receiver uses.</summary>
public sealed record ActivityDelivery([property: JsonPropertyName("data")] ActivityData? Data);

/// <summary>The event: its type, its id, and the post it carries.</summary>
public sealed record ActivityData(
    [property: JsonPropertyName("event_type")] string? EventType,
    [property: JsonPropertyName("event_uuid")] string? EventUuid,
    [property: JsonPropertyName("payload")] Post? Payload);

/// <summary>The post of a <c>post.create</c> event.</summary>
public sealed record Post(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("author_id")] string? AuthorId);
