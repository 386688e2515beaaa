using System.Text.Json;

namespace XWebhooks.Delivery;

/// <summary>
/// Reads a delivery body once with <see cref="Utf8JsonReader"/> and yields the events in it, located but not
/// deserialized: the XAA <c>data</c> object, each element of the AAA <c>*_events</c> arrays (plus
/// <c>user_event</c> and <c>replay_job_status</c>), or the whole filtered-stream body. Allocation-free except
/// for the AAA <c>for_user_id</c> string. The whole body is validated as JSON before the last event is yielded,
/// so read every event before acting on any.
/// </summary>
/// <remarks>
/// Hostile bytes end in <see cref="XDeliveryFormatException"/>, never another exception: JSON that does not parse,
/// nesting deeper than <see cref="MaxDepth"/>, and invalid UTF-8 in a string of the envelope itself (such as
/// <c>for_user_id</c>). Invalid UTF-8 inside an event is left to the event's reader (schema drift). A leading UTF-8
/// byte order mark is skipped.
/// <para>
/// The product is decided by shape because X sends all products to one URL. AAA un-events are normalized:
/// an element of <c>follow_events</c> whose <c>type</c> is <c>unfollow</c> is yielded as <c>unfollow_events</c>
/// (likewise block/unblock and mute/unmute), so one handler type sees both documented forms.
/// </para>
/// </remarks>
internal ref struct XDeliveryReader
{
    /// <summary>
    /// The deepest nesting accepted, System.Text.Json's default: an event inside a body that passes can always be
    /// deserialized without hitting the serializer's own limit. X's payloads are a few levels deep.
    /// </summary>
    public const int MaxDepth = 64;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static readonly ReadOnlyMemory<byte> StreamPostType = "post"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> UnfollowType = "unfollow_events"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> UnblockType = "unblock_events"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> UnmuteType = "unmute_events"u8.ToArray();

    private readonly ReadOnlyMemory<byte> body;
    private Utf8JsonReader json;
    private State state;
    private ReadOnlyMemory<byte> arrayEventType;
    private (int Start, int End) data;
    private ReadOnlyMemory<byte> activityEventType;
    private LocatedSections sections;
    private bool sawMatchingRules;
    private bool sawAccountActivity;

    /// <summary>Starts reading <paramref name="body"/>.</summary>
    public XDeliveryReader(ReadOnlyMemory<byte> body)
    {
        this.body = body.Span.StartsWith(Utf8ByteOrderMark) ? body[Utf8ByteOrderMark.Length..] : body;
        json = new Utf8JsonReader(this.body.Span, new JsonReaderOptions { MaxDepth = MaxDepth });
        data = (-1, -1);
    }

    private enum State
    {
        Start,
        Properties,
        InEventArray,
        Done,
    }

    /// <summary>The product the body belongs to. Final once <see cref="TryReadNext"/> has returned false.</summary>
    public XProduct Product { get; private set; }

    /// <summary>The AAA <c>for_user_id</c>, when the body has one.</summary>
    public string? ForUserId { get; private set; }

    /// <summary>Locates the next event.</summary>
    /// <exception cref="XDeliveryFormatException">The body is not valid JSON or not a JSON object.</exception>
    public bool TryReadNext(out XEventPayload payload)
    {
        try
        {
            return ReadNext(out payload);
        }
        catch (JsonException ex)
        {
            state = State.Done;
            throw new XDeliveryFormatException($"The body is not valid JSON: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader validates UTF-8 only when a string is transcoded or compared, as for_user_id is.
            state = State.Done;
            throw new XDeliveryFormatException($"The body has a string that is not valid UTF-8 at byte {json.TokenStartIndex}.", ex);
        }
    }

    private bool ReadNext(out XEventPayload payload)
    {
        if (state == State.Start)
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                state = State.Done;
                throw new XDeliveryFormatException("The body must be a JSON object.");
            }

            state = State.Properties;
        }

        while (state != State.Done)
        {
            if (state == State.InEventArray)
            {
                if (TryReadArrayElement(out payload))
                {
                    return true;
                }

                continue;
            }

            Read();
            if (json.TokenType == JsonTokenType.EndObject)
            {
                EnsureNothingFollows();
                state = State.Done;
                return TryFinish(out payload);
            }

            if (TryReadProperty(out payload))
            {
                return true;
            }
        }

        payload = default;
        return false;
    }

    private bool TryReadProperty(out XEventPayload payload)
    {
        payload = default;
        var nameStart = (int)json.TokenStartIndex + 1;
        var name = PropertyName(nameStart);
        Read();
        var span = name.Span;

        if (span.SequenceEqual("data"u8) && json.TokenType == JsonTokenType.StartObject)
        {
            ReadDataObject();
        }
        else if (span.SequenceEqual("matching_rules"u8))
        {
            sawMatchingRules = true;
            json.Skip();
        }
        else if (span.SequenceEqual("for_user_id"u8))
        {
            sawAccountActivity = true;
            ForUserId = json.TokenType == JsonTokenType.String ? json.GetString() : null;
            json.Skip();
        }
        else if ((span.SequenceEqual("user_event"u8) || span.SequenceEqual("replay_job_status"u8)) && json.TokenType == JsonTokenType.StartObject)
        {
            sawAccountActivity = true;
            payload = new XEventPayload(XProduct.AccountActivity, name, ObjectSlice());
            return true;
        }
        else if (span.EndsWith("_events"u8) && json.TokenType == JsonTokenType.StartArray)
        {
            sawAccountActivity = true;
            arrayEventType = name;
            state = State.InEventArray;
        }
        else
        {
            json.Skip();
        }

        return false;
    }

    private bool TryReadArrayElement(out XEventPayload payload)
    {
        Read();
        if (json.TokenType == JsonTokenType.EndArray)
        {
            state = State.Properties;
            payload = default;
            return false;
        }

        if (json.TokenType != JsonTokenType.StartObject)
        {
            // Not an event object: nothing to dispatch.
            json.Skip();
            payload = default;
            return false;
        }

        var start = (int)json.TokenStartIndex;
        var eventType = NormalizeUnEvent(arrayEventType, ReadTypeField());
        payload = new XEventPayload(XProduct.AccountActivity, eventType, body[start..(int)json.BytesConsumed]);
        return true;
    }

    /// <summary>Scans an AAA event object (positioned on its start) to its end and returns its top-level <c>type</c> string, if any.</summary>
    private ReadOnlySpan<byte> ReadTypeField()
    {
        ReadOnlySpan<byte> type = default;
        while (Read() && json.TokenType != JsonTokenType.EndObject)
        {
            var isType = NameIs("type"u8);
            Read();
            if (isType && json.TokenType == JsonTokenType.String && !json.ValueIsEscaped)
            {
                type = json.ValueSpan;
            }

            json.Skip();
        }

        return type;
    }

    private static ReadOnlyMemory<byte> NormalizeUnEvent(ReadOnlyMemory<byte> arrayName, ReadOnlySpan<byte> type)
    {
        if (type.IsEmpty)
        {
            return arrayName;
        }

        var name = arrayName.Span;
        if (name.SequenceEqual("follow_events"u8) && type.SequenceEqual("unfollow"u8))
        {
            return UnfollowType;
        }

        if (name.SequenceEqual("block_events"u8) && type.SequenceEqual("unblock"u8))
        {
            return UnblockType;
        }

        return name.SequenceEqual("mute_events"u8) && type.SequenceEqual("unmute"u8) ? UnmuteType : arrayName;
    }

    private void ReadDataObject()
    {
        var start = (int)json.TokenStartIndex;
        var plain = true;
        var (payloadSeen, includesSeen) = (false, false);
        Range payloadAt = default, includesAt = default;
        while (Read() && json.TokenType != JsonTokenType.EndObject)
        {
            plain &= !json.ValueIsEscaped;
            var isEventType = NameIs("event_type"u8);
            var isPayload = NameIs("payload"u8);
            var isIncludes = !isPayload && NameIs("includes"u8);
            plain &= !(isPayload && payloadSeen) && !(isIncludes && includesSeen);
            payloadSeen |= isPayload;
            includesSeen |= isIncludes;
            Read();
            if (isEventType && json.TokenType == JsonTokenType.String)
            {
                activityEventType = StringValue();
            }

            var valueStart = (int)json.TokenStartIndex - start;
            var isObject = json.TokenType == JsonTokenType.StartObject;
            json.Skip();
            if (isObject && (isPayload || isIncludes))
            {
                var at = valueStart..((int)json.BytesConsumed - start);
                (payloadAt, includesAt) = isPayload ? (at, includesAt) : (payloadAt, at);
            }
        }

        data = (start, (int)json.BytesConsumed);
        sections = new LocatedSections(plain, payloadAt, includesAt);
    }

    private bool TryFinish(out XEventPayload payload)
    {
        if (sawAccountActivity)
        {
            Product = XProduct.AccountActivity;
            payload = default;
            return false;
        }

        if (data.Start >= 0 && !activityEventType.IsEmpty && !sawMatchingRules)
        {
            Product = XProduct.Activity;
            payload = new XEventPayload(Product, activityEventType, body[data.Start..data.End]) { Sections = sections };
            return true;
        }

        if (data.Start >= 0)
        {
            Product = XProduct.FilteredStream;
            payload = new XEventPayload(Product, StreamPostType, body);
            return true;
        }

        // An object of no known shape: handed on whole so a fallback handler can see it.
        Product = XProduct.Unknown;
        payload = new XEventPayload(Product, ReadOnlyMemory<byte>.Empty, body);
        return true;
    }

    private ReadOnlyMemory<byte> ObjectSlice()
    {
        var start = (int)json.TokenStartIndex;
        json.Skip();
        return body[start..(int)json.BytesConsumed];
    }

    /// <summary>
    /// The current property name, sliced from the body, or copied when it contains escapes (rare). A name whose
    /// escapes do not make valid UTF-8 is no name the reader knows: it reads as empty, and its value is skipped.
    /// </summary>
    private ReadOnlyMemory<byte> PropertyName(int start)
    {
        if (!json.ValueIsEscaped)
        {
            return body.Slice(start, json.ValueSpan.Length);
        }

        try
        {
            return UnescapedCopy();
        }
        catch (InvalidOperationException)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
    }

    /// <summary>
    /// Compares the current property name without transcoding it: a name inside an event that is not valid UTF-8 is
    /// simply another name, left to the event's reader.
    /// </summary>
    private readonly bool NameIs(ReadOnlySpan<byte> utf8)
    {
        if (!json.ValueIsEscaped)
        {
            return json.ValueSpan.SequenceEqual(utf8);
        }

        try
        {
            return json.ValueTextEquals(utf8);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private ReadOnlyMemory<byte> StringValue() =>
        json.ValueIsEscaped ? UnescapedCopy() : body.Slice((int)json.TokenStartIndex + 1, json.ValueSpan.Length);

    private readonly ReadOnlyMemory<byte> UnescapedCopy()
    {
        var buffer = new byte[json.ValueSpan.Length];
        var written = json.CopyString(buffer);
        return buffer.AsMemory(0, written);
    }

    private bool Read()
    {
        if (!json.Read())
        {
            throw new XDeliveryFormatException("The body ends before the JSON object is complete.");
        }

        return true;
    }

    private void EnsureNothingFollows()
    {
        if (json.Read())
        {
            throw new XDeliveryFormatException("The body has content after the JSON object.");
        }
    }
}
