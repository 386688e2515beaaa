using System.Text.Json;
using XWebhooks.Serialization;

namespace XWebhooks.Delivery;

/// <summary>
/// Which members of an event model are deferred, and the split of an event's JSON object into those members and the
/// rest (the part deserialized at once). The split copies bytes as they are: names, escapes and invalid UTF-8 reach
/// the serializer exactly as X sent them.
/// </summary>
internal static class DeferredSections
{
    /// <summary>The members of an XAA event read on first use: <c>payload</c> and <c>includes</c>.</summary>
    public static readonly byte[][] ActivityEvent = ["payload"u8.ToArray(), "includes"u8.ToArray()];

    /// <summary>The deferred member names of <typeparamref name="T"/>, or null when it reads everything at once.</summary>
    public static byte[][]? NamesOf<T>() => Cache<T>.Names;

    /// <summary>
    /// Copies <paramref name="json"/> (an object) into <paramref name="rest"/> without the members named in
    /// <paramref name="names"/> whose values are objects, and returns where those values are. Any other value under such
    /// a name (X changed its type) stays in the rest, where the event's drift tolerance removes it as before; a deferred
    /// object, read on its own, could not be removed from its parent. A member that repeats a name keeps the
    /// serializer's rule (the last one wins): a later value of another type cancels the earlier section.
    /// </summary>
    /// <param name="json">A valid JSON object (the delivery was validated when it was located).</param>
    /// <param name="names">The deferred member names.</param>
    /// <param name="sections">Per name, the range of its value in <paramref name="json"/> (default when absent).</param>
    /// <param name="rest">At least <paramref name="json"/>'s length.</param>
    /// <returns>How many bytes of <paramref name="rest"/> were written, or -1 when <paramref name="json"/> is not an object.</returns>
    public static int Split(ReadOnlySpan<byte> json, byte[][] names, Span<Range> sections, Span<byte> rest)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return -1;
        }

        sections.Clear();
        var written = 0;
        rest[written++] = (byte)'{';
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var memberStart = (int)reader.TokenStartIndex;
            var section = IndexOfName(ref reader, names);
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            var isObject = reader.TokenType == JsonTokenType.StartObject;
            reader.Skip();
            var end = (int)reader.BytesConsumed;
            if (section >= 0 && isObject)
            {
                sections[section] = valueStart..end;
                continue;
            }

            if (section >= 0)
            {
                sections[section] = default;
            }

            if (written > 1)
            {
                rest[written++] = (byte)',';
            }

            json[memberStart..end].CopyTo(rest[written..]);
            written += end - memberStart;
        }

        rest[written++] = (byte)'}';
        return written;
    }

    /// <summary>How much longer than the event's JSON the rest written by <see cref="Cut"/> can be (an object of two bytes becomes <c>null</c>).</summary>
    public static int CutGrowth(byte[][] names) => 2 * names.Length;

    /// <summary>
    /// Writes <paramref name="json"/> into <paramref name="rest"/> with each deferred object the locate pass found
    /// replaced by <c>null</c> (what the model reads for a member it then defers), without reading the JSON again.
    /// </summary>
    /// <param name="json">The event's JSON object, as located.</param>
    /// <param name="located">Where the locate pass found the deferred objects (<see cref="LocatedSections.Known"/>).</param>
    /// <param name="sections">Receives the ranges, in the order of <see cref="ActivityEvent"/>.</param>
    /// <param name="rest">At least <paramref name="json"/>'s length plus <see cref="CutGrowth"/>.</param>
    /// <returns>How many bytes of <paramref name="rest"/> were written.</returns>
    public static int Cut(ReadOnlySpan<byte> json, LocatedSections located, Span<Range> sections, Span<byte> rest)
    {
        located.CopyTo(sections);
        var (first, second) = Ordered(located.Payload.GetOffsetAndLength(json.Length), located.Includes.GetOffsetAndLength(json.Length));
        var written = 0;
        var from = 0;
        foreach (var (offset, length) in (ReadOnlySpan<(int, int)>)[first, second])
        {
            if (length == 0)
            {
                continue;
            }

            json[from..offset].CopyTo(rest[written..]);
            written += offset - from;
            "null"u8.CopyTo(rest[written..]);
            written += 4;
            from = offset + length;
        }

        json[from..].CopyTo(rest[written..]);
        return written + json.Length - from;
    }

    private static ((int, int) First, (int, int) Second) Ordered((int Offset, int Length) a, (int Offset, int Length) b) =>
        a.Offset <= b.Offset ? (a, b) : (b, a);

    private static int IndexOfName(ref Utf8JsonReader reader, byte[][] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            try
            {
                if (reader.ValueTextEquals(names[i]))
                {
                    return i;
                }
            }
            catch (InvalidOperationException)
            {
                // A name with a bad escape (a lone surrogate) names no deferred member; it stays in the rest, where
                // the lenient read removes it like any unreadable member.
                return -1;
            }
        }

        return -1;
    }

    private static class Cache<T>
    {
        public static readonly byte[][]? Names = typeof(IDeferredSections).IsAssignableFrom(typeof(T)) ? ActivityEvent : null;
    }
}
