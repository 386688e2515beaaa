using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// The common envelope of every X Activity API (XAA) event: the <c>data</c> object of a delivery
/// <c>{"data":{"event_uuid","filter","event_type","tag","payload","includes"}}</c>. Each concrete event type fixes
/// <typeparamref name="TPayload"/> to the shape X sends for its <c>event_type</c>.
/// </summary>
/// <typeparam name="TPayload">The event-specific <c>payload</c>.</typeparam>
public abstract class ActivityEvent<TPayload>
    where TPayload : class
{
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
    public TPayload? Payload { get; init; }

    /// <summary>Expanded objects (users, Posts, …) the payload refers to, when X sends them.</summary>
    public XIncludes? Includes { get; init; }
}
