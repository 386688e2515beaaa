using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
        var reporter = services?.GetService(typeof(EventDriftReporter)) as EventDriftReporter;
        var value = DeferredSections.NamesOf<T>() is { } deferred
            ? ReadDeferring<T>(payload, deferred, reporter)
            : ReadTolerant(payload.Json.Span, T.JsonTypeInfo, payload.Product, payload.EventType.Span, reporter, "$");
        return value ?? throw new JsonException(
            $"X sent JSON null for event '{Encoding.UTF8.GetString(payload.EventType.Span)}' ({payload.Product}); {typeof(T).FullName} needs a JSON object.");
    }

    /// <summary>
    /// Reads the event without its deferred members, then hands each one found to the model as a copy (the delivery's
    /// buffer is reused once the request ends): a handler that never reads them never pays for them.
    /// </summary>
    private static T? ReadDeferring<T>(XEventPayload payload, byte[][] names, EventDriftReporter? reporter)
        where T : IXEvent<T>
    {
        var json = payload.Json.Span;
        Span<Range> sections = stackalloc Range[names.Length];
        var rented = ArrayPool<byte>.Shared.Rent(json.Length + DeferredSections.CutGrowth(names));
        T? value;
        try
        {
            var length = payload.Sections.Known && ReferenceEquals(names, DeferredSections.ActivityEvent)
                ? DeferredSections.Cut(json, payload.Sections, sections, rented)
                : DeferredSections.Split(json, names, sections, rented);
            if (length < 0)
            {
                return ReadTolerant(json, T.JsonTypeInfo, payload.Product, payload.EventType.Span, reporter, "$");
            }

            value = ReadTolerant(rented.AsSpan(0, length), T.JsonTypeInfo, payload.Product, payload.EventType.Span, reporter, "$");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        if (value is not IDeferredSections target)
        {
            return value;
        }

        var total = 0;
        foreach (var section in sections)
        {
            total += section.GetOffsetAndLength(json.Length).Length;
        }

        if (total == 0)
        {
            return value;
        }

        // One copy holds every deferred member, so the event keeps one array alive rather than one per member.
        var copy = new byte[total];
        var reader = new DeferredReadContext(T.JsonTypeInfo.Options, payload.Product, payload.EventType.ToArray(), reporter);
        var at = 0;
        for (var i = 0; i < sections.Length; i++)
        {
            var (offset, count) = sections[i].GetOffsetAndLength(json.Length);
            if (count == 0)
            {
                continue;
            }

            json.Slice(offset, count).CopyTo(copy.AsSpan(at));
            target.Defer(i, copy.AsMemory(at, count), reader);
            at += count;
        }

        return value;
    }

    /// <summary>
    /// Reads <paramref name="json"/> as <typeparamref name="T"/>; when the strict read throws, removes each value it
    /// names and reads again. <paramref name="path"/> is where <paramref name="json"/> sits in the event (<c>$</c> for
    /// the event itself), so drift is reported by its path from the event.
    /// </summary>
    internal static T? ReadTolerant<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo, XProduct product, ReadOnlySpan<byte> eventType, EventDriftReporter? reporter, string path)
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException strict)
        {
            return ReadLeniently(json, typeInfo, product, eventType, reporter, path, strict);
        }
    }

    private static T? ReadLeniently<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo, XProduct product, ReadOnlySpan<byte> eventType, EventDriftReporter? reporter, string path, JsonException strict)
    {
        var failure = strict;
        for (var removed = 0; removed < MaxDriftedValues; removed++)
        {
            if (!JsonValueRemover.TryRemove(json, failure, out var rest, out var removedPath))
            {
                break;
            }

            reporter?.Drifted(product, eventType, path + JsonExceptionPath.Normalize(removedPath)[1..]);
            json = rest;
            try
            {
                return JsonSerializer.Deserialize(json, typeInfo);
            }
            catch (JsonException next)
            {
                failure = next;
            }
        }

        var at = failure.Path is { } failed ? path + failed[1..] : path;
        throw new JsonException(
            $"X sent event '{Encoding.UTF8.GetString(eventType)}' ({product}) in a shape {typeof(T).FullName} cannot read, "
            + $"even with its drifted values left empty (last at {at}).",
            at,
            null,
            null,
            strict);
    }
}
