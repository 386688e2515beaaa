using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace XWebhooks.Delivery;

/// <summary>
/// What the POST path learned about a delivery, stored beside its body in the inbox so the worker does not read the
/// JSON again: the product, the AAA <c>for_user_id</c> and, for every located event (routed at acknowledgement or
/// not, in body order), where its JSON is in the body, its kind and, when it was computed, its dedupe key.
/// </summary>
/// <remarks>
/// Version 1, little-endian:
/// <code>
/// byte    version (1)
/// byte    product (XProduct)
/// int32   body length
/// string  for_user_id            string = int32 byte length (-1: none) + UTF-8
/// int32   event count
/// event × count:
///   byte   flags                 1: a handler took it at acknowledgement; 2: dedupe key computed;
///                                4: the positions of the deferred members are known (<see cref="LocatedSections"/>)
///   int32  JSON offset in body, int32 JSON length
///   bytes  kind                  int32 length + UTF-8 (AAA un-events are normalized, so not always a slice of the body)
///   string dedupe key            only with flag 2; -1: the event has nothing to key on
///   int32 × 4                    only with flag 4: payload offset and length, includes offset and length, in the
///                                event's JSON (length 0: not an object there)
/// uint32  FNV-1a of every byte before it
/// </code>
/// The reader trusts nothing: an empty, unknown-version, truncated or inconsistent index (checksum, offsets outside the
/// body, an event slice that is not a JSON object, trailing bytes) is refused, and the worker reads the body instead.
/// Flag 4 came after the first stores: an index without it reads as before, and a reader that predates it refuses the
/// index and reads the body. A deferred member's range must lie in its event, hold a JSON object's brackets and not
/// overlap the other's, or the index is refused.
/// </remarks>
internal static class EventIndex
{
    public const byte Version = 1;

    private const byte RoutedFlag = 1;
    private const byte KeyFlag = 2;
    private const byte SectionsFlag = 4;
    private const int NoString = -1;
    private const int HeaderBytes = 1 + 1 + 4;
    private const int ChecksumBytes = 4;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes <paramref name="located"/> (located with every event kept) into a buffer rented from the shared pool.</summary>
    /// <returns>The encoded index; empty when an event is not a slice of <paramref name="body"/> (then the worker reads the body).</returns>
    public static PooledIndex Write(ReadOnlyMemory<byte> body, LocatedDelivery located)
    {
        var events = located.All;
        var size = HeaderBytes + StringSize(located.Delivery.ForUserId) + 4 + ChecksumBytes;
        foreach (var item in events)
        {
            size += 1 + 4 + 4 + 4 + item.Payload.EventType.Length + (item.DedupeKeyComputed ? StringSize(item.DedupeKey) : 0)
                + (item.Payload.Sections.Known ? 16 : 0);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var writer = new Writer(buffer);
        writer.Byte(Version);
        writer.Byte((byte)located.Delivery.Product);
        writer.Int(body.Length);
        writer.String(located.Delivery.ForUserId);
        writer.Int(events.Count);
        foreach (var item in events)
        {
            if (!TryOffsetIn(body.Span, item.Payload.Json.Span, out var offset))
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return default;
            }

            var sections = item.Payload.Sections;
            writer.Byte((byte)((item.Route >= 0 ? RoutedFlag : 0) | (item.DedupeKeyComputed ? KeyFlag : 0) | (sections.Known ? SectionsFlag : 0)));
            writer.Int(offset);
            writer.Int(item.Payload.Json.Length);
            writer.Int(item.Payload.EventType.Length);
            writer.Bytes(item.Payload.EventType.Span);
            if (item.DedupeKeyComputed)
            {
                writer.String(item.DedupeKey);
            }

            if (sections.Known)
            {
                writer.Range(sections.Payload, item.Payload.Json.Length);
                writer.Range(sections.Includes, item.Payload.Json.Length);
            }
        }

        writer.UInt(Fnv1a(buffer.AsSpan(0, writer.Position)));
        return new PooledIndex(buffer, writer.Position);
    }

    /// <summary>
    /// Reads an index written by <see cref="Write"/> for <paramref name="body"/>. False (and nothing read) when the index is
    /// empty, of another version, or does not fit the body.
    /// </summary>
    /// <param name="index">The stored index; kinds are sliced from it, not copied.</param>
    /// <param name="body">The stored body the index was written for; event JSON is sliced from it.</param>
    /// <param name="delivery">The product, <c>for_user_id</c> and events the index describes.</param>
    public static bool TryRead(ReadOnlyMemory<byte> index, ReadOnlyMemory<byte> body, out StoredDelivery delivery)
    {
        delivery = default;
        var span = index.Span;
        if (span.Length < HeaderBytes + 4 + 4 + ChecksumBytes || span[0] != Version
            || BinaryPrimitives.ReadUInt32LittleEndian(span[^ChecksumBytes..]) != Fnv1a(span[..^ChecksumBytes]))
        {
            return false;
        }

        var reader = new Reader(index[1..^ChecksumBytes]);
        var product = (XProduct)reader.Byte();
        if (!Enum.IsDefined(product) || reader.Int() != body.Length || !reader.TryString(out var forUserId))
        {
            return false;
        }

        var count = reader.Int();
        // The smallest event takes 13 bytes: a count beyond what is left cannot be real.
        if (count < 0 || count > reader.Remaining / 13)
        {
            return false;
        }

        var events = new StoredEvent[count];
        for (var i = 0; i < count; i++)
        {
            var flags = reader.Byte();
            var offset = reader.Int();
            var length = reader.Int();
            var kindLength = reader.Int();
            if ((flags & ~(RoutedFlag | KeyFlag | SectionsFlag)) != 0 || offset < 0 || length < 0 || offset > body.Length - length
                || !IsJsonObject(body.Span.Slice(offset, length)) || !reader.TryBytes(kindLength, out var kind))
            {
                return false;
            }

            string? key = null;
            if ((flags & KeyFlag) != 0 && !reader.TryString(out key))
            {
                return false;
            }

            var json = body.Slice(offset, length);
            var sections = default(LocatedSections);
            if ((flags & SectionsFlag) != 0)
            {
                if (!reader.TryObjectRange(json.Span, out var payloadAt) || !reader.TryObjectRange(json.Span, out var includesAt)
                    || Overlap(payloadAt, includesAt, length))
                {
                    return false;
                }

                sections = new LocatedSections(true, payloadAt, includesAt);
            }

            var payload = new XEventPayload(product, kind, json) { Sections = sections };
            events[i] = new StoredEvent(payload, (flags & RoutedFlag) != 0, (flags & KeyFlag) != 0, key);
        }

        if (reader.Failed || reader.Remaining != 0)
        {
            return false;
        }

        delivery = new StoredDelivery(product, forUserId, events);
        return true;
    }

    private static bool Overlap(Range a, Range b, int length)
    {
        var (aStart, aLength) = a.GetOffsetAndLength(length);
        var (bStart, bLength) = b.GetOffsetAndLength(length);
        return aLength > 0 && bLength > 0 && aStart < bStart + bLength && bStart < aStart + aLength;
    }

    private static int StringSize(string? value) => 4 + (value is null ? 0 : Encoding.UTF8.GetByteCount(value));

    /// <summary>Where <paramref name="slice"/> starts in <paramref name="body"/>, when it lies inside it.</summary>
    private static bool TryOffsetIn(ReadOnlySpan<byte> body, ReadOnlySpan<byte> slice, out int offset)
    {
        var distance = Unsafe.ByteOffset(ref MemoryMarshal.GetReference(body), ref MemoryMarshal.GetReference(slice));
        offset = (int)distance;
        return distance >= 0 && distance <= body.Length - slice.Length;
    }

    /// <summary>Every event the reader locates is a JSON object (the whole body, for a stream post, may have whitespace around it).</summary>
    private static bool IsJsonObject(ReadOnlySpan<byte> json)
    {
        json = json.Trim(" \t\r\n"u8);
        return json.Length >= 2 && json[0] == (byte)'{' && json[^1] == (byte)'}';
    }

    private static uint Fnv1a(ReadOnlySpan<byte> data)
    {
        var hash = 2166136261u;
        foreach (var b in data)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    /// <summary>An encoded index in a pooled buffer: <see cref="Return"/> it once the store has copied it.</summary>
    internal readonly struct PooledIndex(byte[]? buffer, int length)
    {
        public ReadOnlyMemory<byte> Memory => buffer is null ? default : buffer.AsMemory(0, length);

        public void Return()
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>A delivery as its index describes it.</summary>
    internal readonly record struct StoredDelivery(XProduct Product, string? ForUserId, StoredEvent[] Events);

    /// <summary>One located event as its index describes it.</summary>
    internal readonly record struct StoredEvent(XEventPayload Payload, bool RoutedAtAck, bool DedupeKeyComputed, string? DedupeKey);

    private ref struct Writer(Span<byte> buffer)
    {
        private readonly Span<byte> buffer = buffer;

        public int Position { get; private set; }

        public void Byte(byte value) => buffer[Position++] = value;

        public void Int(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer[Position..], value);
            Position += 4;
        }

        public void UInt(uint value)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer[Position..], value);
            Position += 4;
        }

        public void Bytes(ReadOnlySpan<byte> value)
        {
            value.CopyTo(buffer[Position..]);
            Position += value.Length;
        }

        public void Range(Range range, int length)
        {
            var (offset, count) = range.GetOffsetAndLength(length);
            Int(offset);
            Int(count);
        }

        public void String(string? value)
        {
            if (value is null)
            {
                Int(NoString);
                return;
            }

            var written = Encoding.UTF8.GetBytes(value, buffer[(Position + 4)..]);
            Int(written);
            Position += written;
        }
    }

    /// <summary>Reads without throwing: past the end, values read as zero and <see cref="Failed"/> turns true.</summary>
    private struct Reader(ReadOnlyMemory<byte> data)
    {
        private int position;

        public readonly int Remaining => data.Length - position;

        public bool Failed { get; private set; }

        public byte Byte()
        {
            if (Remaining < 1)
            {
                Failed = true;
                return 0;
            }

            return data.Span[position++];
        }

        public int Int()
        {
            if (Remaining < 4)
            {
                Failed = true;
                return 0;
            }

            var value = BinaryPrimitives.ReadInt32LittleEndian(data.Span[position..]);
            position += 4;
            return value;
        }

        /// <summary>An offset and a length in <paramref name="json"/>: empty, or a slice from <c>{</c> to <c>}</c>.</summary>
        public bool TryObjectRange(ReadOnlySpan<byte> json, out Range range)
        {
            var offset = Int();
            var length = Int();
            range = default;
            if (Failed || offset < 0 || length < 0 || offset > json.Length - length)
            {
                return false;
            }

            if (length == 0)
            {
                return offset == 0;
            }

            range = offset..(offset + length);
            return length >= 2 && json[offset] == (byte)'{' && json[offset + length - 1] == (byte)'}';
        }

        public bool TryBytes(int length, out ReadOnlyMemory<byte> bytes)
        {
            if (Failed || length < 0 || length > Remaining)
            {
                Failed = true;
                bytes = default;
                return false;
            }

            bytes = data.Slice(position, length);
            position += length;
            return true;
        }

        public bool TryString(out string? value)
        {
            value = null;
            var length = Int();
            if (length == NoString && !Failed)
            {
                return true;
            }

            if (!TryBytes(length, out var bytes))
            {
                return false;
            }

            try
            {
                value = StrictUtf8.GetString(bytes.Span);
                return true;
            }
            catch (DecoderFallbackException)
            {
                Failed = true;
                return false;
            }
        }
    }
}
