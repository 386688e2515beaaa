using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Events;
using XWebhooks.Events.AccountActivity;
using XWebhooks.Events.Activity;
using XWebhooks.Events.Stream;

namespace XWebhooks.Benchmarks;

/// <summary>
/// The hand-written, reflection-based way to receive X webhooks (the comparison the issue asks for): deserialize the
/// whole envelope into a plain class, switch on the kind, deserialize each event's <see cref="JsonElement"/> into the
/// same model types with reflection-based options, call the handler directly.
/// </summary>
[SuppressMessage("Trimming", "IL2026", Justification = "The reflection baseline is the point of comparison; benchmarks are not trimmed or AOT-published.")]
[SuppressMessage("AOT", "IL3050", Justification = "The reflection baseline is the point of comparison; benchmarks are not trimmed or AOT-published.")]
internal static class ReflectionBaseline
{
    /// <summary>Reflection metadata with the settings of the runtime's source-generated contexts.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static async ValueTask DispatchAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var envelope = JsonSerializer.Deserialize<Envelope>(body.Span, Options)
            ?? throw new JsonException("The body is JSON null.");

        if (envelope.ForUserId is not null)
        {
            var delivery = new XDelivery(XProduct.AccountActivity, body, DateTimeOffset.UtcNow, envelope.ForUserId);
            if (envelope.FavoriteEvents is { } favorites)
            {
                foreach (var element in favorites)
                {
                    await BenchHandlers.OnFavorite(element.Deserialize<FavoriteEvent>(Options)!, delivery, cancellationToken).ConfigureAwait(false);
                }
            }

            // Other *_events arrays: no handler, skipped.
            return;
        }

        if (envelope.Data is not { ValueKind: JsonValueKind.Object } data)
        {
            return;
        }

        if (envelope.MatchingRules is null && data.TryGetProperty("event_type", out var eventType))
        {
            switch (eventType.GetString())
            {
                case "post.create":
                    BenchHandlers.OnPostCreated(data.Deserialize<PostCreated>(Options)!);
                    break;
                default:
                    break; // no handler
            }

            return;
        }

        BenchHandlers.OnStreamPost(new StreamPost
        {
            Data = data.Deserialize<XPost>(Options),
            Includes = envelope.Includes?.Deserialize<XIncludes>(Options),
            MatchingRules = envelope.MatchingRules,
        });
    }

    /// <summary>Every product's top-level shape in one plain class (events kept as <see cref="JsonElement"/>).</summary>
    internal sealed class Envelope
    {
        public JsonElement? Data { get; set; }

        public JsonElement? Includes { get; set; }

        public List<StreamMatchingRule>? MatchingRules { get; set; }

        public string? ForUserId { get; set; }

        public JsonElement? UserEvent { get; set; }

        public JsonElement? ReplayJobStatus { get; set; }

        public List<JsonElement>? TweetCreateEvents { get; set; }

        public List<JsonElement>? FavoriteEvents { get; set; }

        public List<JsonElement>? FollowEvents { get; set; }

        public List<JsonElement>? BlockEvents { get; set; }

        public List<JsonElement>? MuteEvents { get; set; }

        public List<JsonElement>? DirectMessageEvents { get; set; }

        public List<JsonElement>? DirectMessageIndicateTypingEvents { get; set; }

        public List<JsonElement>? DirectMessageMarkReadEvents { get; set; }

        public List<JsonElement>? TweetDeleteEvents { get; set; }
    }
}
