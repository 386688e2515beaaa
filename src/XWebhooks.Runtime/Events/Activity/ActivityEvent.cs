using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// The common envelope of every X Activity API (XAA) event: the <c>data</c> object of a delivery
/// <c>{"data":{"event_uuid","filter","event_type","tag","payload","includes"}}</c>. Each concrete event type fixes
/// <typeparamref name="TPayload"/> to the shape X sends for its <c>event_type</c>.
/// </summary>
/// <typeparam name="TPayload">The event-specific <c>payload</c>.</typeparam>
/// <remarks>
/// Delivered to a handler, <see cref="Payload"/> and <see cref="Includes"/> are read from their JSON when first used
/// (once; later reads return the same object), so a handler pays only for what it reads. A value of a drifted type
/// inside them is left empty then, as for the rest of the event; JSON they cannot be read from at all makes that first
/// read throw a <see cref="System.Text.Json.JsonException"/>, which fails the handler like any exception it throws.
/// </remarks>
public abstract class ActivityEvent<TPayload> : IDeferredSections
    where TPayload : class
{
    private TPayload? payload;
    private DeferredSection<TPayload>? deferredPayload;
    private XIncludes? includes;
    private DeferredSection<XIncludes>? deferredIncludes;

    /// <summary>
    /// X's unique ID of this event delivery: an opaque string (documented as digits, but examples include negative
    /// values such as <c>-2781149976877970683</c>). Use it as the deduplication key.
    /// </summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? EventUuid { get; init; }

    /// <summary>The subscription filter that matched (empty for <c>oauth.revoke</c>).</summary>
    public ActivityFilter? Filter { get; init; }

    /// <summary>The event type as X wrote it, for example <c>post.create</c>.</summary>
    public string? EventType { get; init; }

    /// <summary>The subscription's tag, when the subscription has one.</summary>
    public string? Tag { get; init; }

    /// <summary>The event-specific data.</summary>
    public TPayload? Payload
    {
        get => deferredPayload is { } deferred ? deferred.Value : payload;
        init => (payload, deferredPayload) = (value, null);
    }

    /// <summary>Expanded objects (users, Posts, …) the payload refers to, when X sends them.</summary>
    public XIncludes? Includes
    {
        get => deferredIncludes is { } deferred ? deferred.Value : includes;
        init => (includes, deferredIncludes) = (value, null);
    }

    void IDeferredSections.Defer(int section, ReadOnlyMemory<byte> json, DeferredSectionReader reader)
    {
        switch (section)
        {
            case 0:
                deferredPayload = new DeferredSection<TPayload>(json, "$.payload", reader);
                break;
            case 1:
                deferredIncludes = new DeferredSection<XIncludes>(json, "$.includes", reader);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(section), section, "An XAA event defers payload (0) and includes (1).");
        }
    }
}
