using System.ComponentModel;
using System.Text;
using System.Text.Json;
using XWebhooks.Diagnostics;
using XWebhooks.Events;
using XWebhooks.Serialization;

namespace XWebhooks.Delivery;

/// <summary>
/// Deserializes a located event for generated dispatchers, surviving schema drift: X changes field types without
/// notice (a string becomes an object, an object an array, a number a string), and one such value must not cost
/// the handler the whole event. The strict read runs first and alone while the event matches its model; only when
/// it throws is each value it names removed and the event read again, so that value is left empty (null or
/// default) and every other field is kept. Each removed value is reported as <c>xwebhooks.events.drift</c> and
/// logged once per event type and path.
/// </summary>
/// <remarks>
/// In a list, a value inside an element (<c>$.includes.users[0].public_metrics</c>) is removed from that element
/// only; an element that is itself of the wrong type (<c>$.payload.edit_history_tweet_ids[1]</c>) is dropped from the
/// list. Removal is by the path the serializer reports, byte for byte, without building a document. An event that
/// still cannot be read after <see cref="MaxDriftedValues"/> removals (or whose failing value cannot be located)
/// throws, like a failing handler: answered 500 inline, retried by the inbox.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LenientEventReader
{
    /// <summary>How many drifted values one event may lose before it counts as unreadable.</summary>
    public const int MaxDriftedValues = 64;

    /// <summary>Reads <paramref name="payload"/> as <typeparamref name="T"/>, leaving drifted values empty.</summary>
    /// <param name="payload">The located event.</param>
    /// <param name="services">Where drift is reported (the <c>AddXWebhooks</c> services); without them drift is only tolerated.</param>
    /// <exception cref="JsonException">The event is JSON <c>null</c>, or more than <see cref="MaxDriftedValues"/> of its values drifted.</exception>
    public static T Read<T>(XEventPayload payload, IServiceProvider? services)
        where T : IXEvent<T>
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(payload.Json.Span, T.JsonTypeInfo);
        }
        catch (JsonException strict)
        {
            value = ReadLeniently<T>(payload, strict, services?.GetService(typeof(EventDriftReporter)) as EventDriftReporter);
        }

        return value ?? throw new JsonException(
            $"X sent JSON null for event '{Encoding.UTF8.GetString(payload.EventType.Span)}' ({payload.Product}); {typeof(T).FullName} needs a JSON object.");
    }

    private static T? ReadLeniently<T>(XEventPayload payload, JsonException strict, EventDriftReporter? reporter)
        where T : IXEvent<T>
    {
        ReadOnlySpan<byte> json = payload.Json.Span;
        var failure = strict;
        for (var removed = 0; removed < MaxDriftedValues; removed++)
        {
            if (!JsonValueRemover.TryRemove(json, failure, out var rest, out var removedPath))
            {
                break;
            }

            reporter?.Drifted(payload.Product, payload.EventType.Span, JsonExceptionPath.Normalize(removedPath));
            json = rest;
            try
            {
                return JsonSerializer.Deserialize(json, T.JsonTypeInfo);
            }
            catch (JsonException next)
            {
                failure = next;
            }
        }

        throw new JsonException(
            $"X sent event '{Encoding.UTF8.GetString(payload.EventType.Span)}' ({payload.Product}) in a shape {typeof(T).FullName} cannot read, "
            + $"even with its drifted values left empty (last at {failure.Path ?? "$"}).",
            failure.Path,
            null,
            null,
            strict);
    }
}
