using System.Buffers.Binary;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using XWebhooks.Delivery;
using XWebhooks.Diagnostics;

namespace XWebhooks.Tests.Delivery;

/// <summary>
/// The event index the POST path stores with a body: the worker restores exactly what a locate pass would find, without
/// reading the JSON, and falls back to reading the body whenever the index is empty, foreign or damaged.
/// </summary>
public sealed class EventIndexTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static TheoryData<string> Bodies() =>
    [
        "activity/post.create.json",
        "account-activity/favorite_events.json",
        "account-activity/unfollow_events.json",
        "account-activity/tweet_delete_events.json",
        "account-activity/user_event.json",
        "stream/post.json",
    ];

    public void Dispose() => services.Dispose();

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Restored_delivery_equals_a_fresh_locate_pass(string fixture)
    {
        var body = Fixtures.Read(fixture);
        var processor = Processor(new TakesEverything());
        var index = Write(processor, body);

        var restored = processor.LocateStored(body, index, DateTimeOffset.UnixEpoch, attempt: 2);
        var fresh = processor.Locate(body, DateTimeOffset.UnixEpoch, attempt: 2);

        Assert.Equal(0, processor.StoredBodyReads);
        Assert.NotEmpty(fresh.Routed);
        Assert.Equal(Describe(fresh), Describe(restored));
    }

    [Fact]
    public void Multi_event_body_with_whitespace_a_byte_order_mark_and_a_normalized_un_event_round_trips()
    {
        var body = Encoding.UTF8.GetBytes(
            "\uFEFF { \"follow_events\" : [ {\"type\":\"unfollow\",\"n\":1}, 7, {\"type\":\"follow\",\"n\":2} ], \"for_user_id\":\"42\", \"favorite_events\":[{\"id\":\"f\"}] } ");
        var processor = Processor(new TakesEverything());
        var index = Write(processor, body);

        var restored = processor.LocateStored(body, index, DateTimeOffset.UnixEpoch, attempt: 1);

        Assert.Equal(0, processor.StoredBodyReads);
        Assert.Equal(Describe(processor.Locate(body, DateTimeOffset.UnixEpoch)), Describe(restored));
        Assert.Equal(["unfollow_events", "follow_events", "favorite_events"], restored.Routed.Select(e => e.EventType));
        Assert.Equal("42", restored.Delivery.ForUserId);
    }

    [Fact]
    public void A_valid_index_is_used_without_reading_the_json()
    {
        // The body's closing brace is gone after indexing: a locate pass would refuse it, the index does not read it.
        var body = Fixtures.Read("activity/post.create.json");
        var processor = Processor(new TakesEverything());
        var index = Write(processor, body);
        var damaged = body.ToArray();
        var closing = Array.LastIndexOf(damaged, (byte)'}');
        damaged[closing] = (byte)' ';

        var restored = processor.LocateStored(damaged, index, DateTimeOffset.UnixEpoch, attempt: 1);

        Assert.Throws<XDeliveryFormatException>(() => processor.Locate(damaged, DateTimeOffset.UnixEpoch));
        Assert.Equal("post.create", Assert.Single(restored.Routed).EventType);
        Assert.Equal(0, processor.StoredBodyReads);
    }

    [Fact]
    public void Events_no_handler_took_at_acknowledgement_are_routed_again_by_the_worker()
    {
        // Acknowledged while only favorite_events had a handler; a redeploy added one for follow_events.
        var body = """{"for_user_id":"9","follow_events":[{"type":"follow","id":"x"}],"favorite_events":[{"id":"a"}]}"""u8.ToArray();
        var before = Processor(new TakesOnly("favorite_events"));
        var located = before.Locate(body, DateTimeOffset.UnixEpoch, purpose: LocatePurpose.Store);
        Assert.Equal(["favorite_events"], located.Routed.Select(e => e.EventType));
        var index = Indexed(body, located);

        var after = Processor(new TakesOnly("favorite_events", "follow_events"));
        var restored = after.LocateStored(body, index, DateTimeOffset.UnixEpoch, attempt: 1);

        Assert.Equal(["follow_events", "favorite_events"], restored.Routed.Select(e => e.EventType));
        Assert.Equal(0, after.StoredBodyReads);
    }

    [Fact]
    public void Dedupe_keys_computed_on_the_post_path_travel_in_the_index()
    {
        var body = Fixtures.Read("account-activity/favorite_events.json");
        var dedupe = new RecordingDedupe();
        var processor = Processor(new TakesEverything(), dedupe);
        var located = processor.Locate(body, DateTimeOffset.UnixEpoch, purpose: LocatePurpose.Store);
        var index = Indexed(body, located);

        var restored = processor.LocateStored(body, index, DateTimeOffset.UnixEpoch, attempt: 1);

        var expected = DedupeKeys.For(located.Routed[0].Payload, located.Delivery.ForUserId);
        Assert.StartsWith("aaa:2244994945:favorite_events:", expected);
        var item = Assert.Single(restored.Routed);
        Assert.True(item.DedupeKeyComputed);
        Assert.Equal(expected, item.DedupeKey);
    }

    [Fact]
    public void Unhandled_kinds_are_counted_once_on_the_post_path_not_again_by_the_worker()
    {
        using var counters = new CounterRecorder(services.GetRequiredService<IMeterFactory>());
        var body = """{"for_user_id":"9","follow_events":[{"type":"follow","id":"x"}],"favorite_events":[{"id":"a"}]}"""u8.ToArray();
        var processor = Processor(new TakesOnly("favorite_events"));
        var index = Write(processor, body);

        processor.LocateStored(body, index, DateTimeOffset.UnixEpoch, attempt: 1);
        processor.LocateStored(body, ReadOnlyMemory<byte>.Empty, DateTimeOffset.UnixEpoch, attempt: 1);

        Assert.Equal(1, counters.Total("xwebhooks.events;outcome=unhandled;product=account_activity;type=follow_events"));
    }

    [Fact]
    public void An_event_a_handler_took_at_acknowledgement_and_none_takes_now_is_counted_unhandled_by_the_worker()
    {
        using var counters = new CounterRecorder(services.GetRequiredService<IMeterFactory>());
        var body = """{"data":{"event_type":"post.create","event_uuid":"1"}}"""u8.ToArray();
        var index = Write(Processor(new TakesEverything()), body);

        var restored = Processor(new TakesOnly()).LocateStored(body, index, DateTimeOffset.UnixEpoch, attempt: 1);

        Assert.Empty(restored.Routed);
        Assert.Equal(1, counters.Total("xwebhooks.events;outcome=unhandled;product=activity;type=post.create"));
    }

    [Fact]
    public void Empty_index_reads_the_body()
    {
        var body = Fixtures.Read("activity/post.create.json");
        var processor = Processor(new TakesEverything());

        var restored = processor.LocateStored(body, ReadOnlyMemory<byte>.Empty, DateTimeOffset.UnixEpoch, attempt: 1);

        Assert.Equal(1, processor.StoredBodyReads);
        Assert.Equal(Describe(processor.Locate(body, DateTimeOffset.UnixEpoch)), Describe(restored));
    }

    [Fact]
    public void Every_truncation_of_the_index_reads_the_body()
    {
        var body = Fixtures.Read("account-activity/favorite_events.json");
        var processor = Processor(new TakesEverything());
        var index = Write(processor, body);
        var expected = Describe(processor.Locate(body, DateTimeOffset.UnixEpoch));

        for (var length = 0; length < index.Length; length++)
        {
            AssertFallsBack(processor, body, index[..length], expected);
        }
    }

    [Fact]
    public void Every_single_bit_flip_of_the_index_reads_the_body()
    {
        var body = Fixtures.Read("account-activity/favorite_events.json");
        var processor = Processor(new TakesEverything());
        var index = Write(processor, body);
        var expected = Describe(processor.Locate(body, DateTimeOffset.UnixEpoch));

        for (var position = 0; position < index.Length; position++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var flipped = index.ToArray();
                flipped[position] ^= (byte)(1 << bit);
                AssertFallsBack(processor, body, flipped, expected);
            }
        }
    }

    [Fact]
    public void Random_indexes_read_the_body()
    {
        var body = Fixtures.Read("stream/post.json");
        var processor = Processor(new TakesEverything());
        var valid = Write(processor, body);
        var expected = Describe(processor.Locate(body, DateTimeOffset.UnixEpoch));
        var random = new Random(20261202);

        for (var i = 0; i < 2_000; i++)
        {
            var index = new byte[random.Next(0, 2 * valid.Length)];
            random.NextBytes(index);
            if (i % 2 == 0 && index.Length > 0)
            {
                // Half start like a real index (version 1, a product), so the checks after the version byte are reached.
                index[0] = EventIndex.Version;
                index[^1] = (byte)random.Next(4);
                if (index.Length > 1)
                {
                    index[1] = (byte)random.Next(4);
                }
            }

            AssertFallsBack(processor, body, index, expected);
        }
    }

    [Fact]
    public void An_index_of_another_body_reads_the_body()
    {
        var processor = Processor(new TakesEverything());
        var other = Write(processor, Fixtures.Read("activity/post.create.json"));
        var body = Fixtures.Read("stream/post.json");

        AssertFallsBack(processor, body, other, Describe(processor.Locate(body, DateTimeOffset.UnixEpoch)));
    }

    /// <summary>Indexes with a correct checksum but content that does not fit the body: each is refused on its own check.</summary>
    [Theory]
    [InlineData("version")]
    [InlineData("product")]
    [InlineData("body length")]
    [InlineData("event count")]
    [InlineData("flags")]
    [InlineData("offset outside the body")]
    [InlineData("negative length")]
    [InlineData("slice not an object")]
    [InlineData("kind past the end")]
    [InlineData("trailing bytes")]
    [InlineData("invalid UTF-8 key")]
    public void Inconsistent_index_with_a_valid_checksum_reads_the_body(string damage)
    {
        var body = """{"for_user_id":"9","favorite_events":[{"id":"a"}]}"""u8.ToArray();
        var processor = Processor(new TakesEverything(), new RecordingDedupe());
        var index = Indexed(body, processor.Locate(body, DateTimeOffset.UnixEpoch, purpose: LocatePurpose.Store)).ToList();

        // Layout of this index: version, product, body length (2..5), for_user_id (6..10: length 1, "9"), count (11..14),
        // then the event: flags (15), offset (16..19), length (20..23), kind length (24..27), kind, key length, key.
        const int Flags = 15, Offset = 16, Length = 20, KindLength = 24;
        var kindEnd = KindLength + 4 + "favorite_events".Length;
        var payload = index[..^4];
        switch (damage)
        {
            case "version": payload[0] = 2; break;
            case "product": payload[1] = 9; break;
            case "body length": WriteInt(payload, 2, body.Length + 1); break;
            case "event count": WriteInt(payload, 11, 2); break;
            case "flags": payload[Flags] |= 8; break;
            case "offset outside the body": WriteInt(payload, Offset, body.Length - 3); break;
            case "negative length": WriteInt(payload, Length, -1); break;
            case "slice not an object": WriteInt(payload, Offset, 1); WriteInt(payload, Length, 12); break;
            case "kind past the end": WriteInt(payload, KindLength, 500); break;
            case "trailing bytes": payload.Add(0); break;
            case "invalid UTF-8 key": payload[kindEnd + 4] = 0xFF; break;
            default: throw new ArgumentOutOfRangeException(nameof(damage));
        }

        AssertFallsBack(processor, body, WithChecksum(payload), Describe(processor.Locate(body, DateTimeOffset.UnixEpoch)));
    }

    [Fact]
    public void The_positions_of_an_xaa_events_deferred_members_travel_in_the_index()
    {
        var body = Fixtures.Read("activity/post.create.json");
        var processor = Processor(new TakesEverything());

        var restored = processor.LocateStored(body, Write(processor, body), DateTimeOffset.UnixEpoch, attempt: 1);

        var sections = Assert.Single(restored.Routed).Payload.Sections;
        var json = Assert.Single(restored.Routed).Payload.Json.Span;
        Assert.True(sections.Known);
        Assert.Equal(0, processor.StoredBodyReads);
        // Checked against a reader that is not ours: System.Text.Json's document of the event.
        using var document = System.Text.Json.JsonDocument.Parse(json.ToArray());
        Assert.Equal(document.RootElement.GetProperty("payload").GetRawText(), Encoding.UTF8.GetString(json[sections.Payload]));
        Assert.Equal(document.RootElement.GetProperty("includes").GetRawText(), Encoding.UTF8.GetString(json[sections.Includes]));
    }

    /// <summary>Positions of deferred members that do not fit the event: refused like any other inconsistency.</summary>
    [Theory]
    [InlineData("payload outside the event")]
    [InlineData("payload not an object")]
    [InlineData("empty includes not at 0")]
    [InlineData("negative includes length")]
    [InlineData("payload overlaps includes")]
    public void Inconsistent_deferred_positions_with_a_valid_checksum_read_the_body(string damage)
    {
        var body = """{"data":{"event_type":"post.create","payload":{"id":"1"},"includes":{"users":[]}}}"""u8.ToArray();
        var processor = Processor(new TakesEverything());
        var index = Write(processor, body).ToList();
        var payload = index[..^4];
        // The four ints of the positions are the last 16 bytes before the checksum: payload offset, length, includes offset, length.
        var at = payload.Count - 16;
        switch (damage)
        {
            case "payload outside the event": WriteInt(payload, at, 70); break;
            case "payload not an object": WriteInt(payload, at, 1); break;
            case "empty includes not at 0": WriteInt(payload, at + 8, 3); WriteInt(payload, at + 12, 0); break;
            case "negative includes length": WriteInt(payload, at + 12, -2); break;
            case "payload overlaps includes": WriteInt(payload, at + 8, ReadInt(payload, at)); WriteInt(payload, at + 12, ReadInt(payload, at + 4)); break;
            default: throw new ArgumentOutOfRangeException(nameof(damage));
        }

        AssertFallsBack(processor, body, WithChecksum(payload), Describe(processor.Locate(body, DateTimeOffset.UnixEpoch)));
    }

    private static void AssertFallsBack(DeliveryProcessor processor, byte[] body, byte[] index, IReadOnlyList<string> expected)
    {
        var reads = processor.StoredBodyReads;
        var restored = processor.LocateStored(body, index, DateTimeOffset.UnixEpoch, attempt: 1);
        Assert.True(processor.StoredBodyReads == reads + 1, $"An index of {index.Length} bytes ({Convert.ToHexString(index)}) was used instead of reading the body.");
        Assert.Equal(expected, Describe(restored));
    }

    /// <summary>The index as the format defines it: the bytes followed by their FNV-1a (32-bit, little-endian).</summary>
    private static byte[] WithChecksum(List<byte> payload)
    {
        var hash = 2166136261u;
        foreach (var b in payload)
        {
            hash = (hash ^ b) * 16777619u;
        }

        var index = new byte[payload.Count + 4];
        payload.CopyTo(index);
        BinaryPrimitives.WriteUInt32LittleEndian(index.AsSpan(payload.Count), hash);
        return index;
    }

    private static int ReadInt(List<byte> bytes, int at) => BinaryPrimitives.ReadInt32LittleEndian(bytes.GetRange(at, 4).ToArray());

    private static void WriteInt(List<byte> bytes, int at, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
        for (var i = 0; i < 4; i++)
        {
            bytes[at + i] = buffer[i];
        }
    }

    private static byte[] Write(DeliveryProcessor processor, byte[] body) =>
        Indexed(body, processor.Locate(body, DateTimeOffset.UnixEpoch, purpose: LocatePurpose.Store));

    private static byte[] Indexed(byte[] body, LocatedDelivery located)
    {
        var index = EventIndex.Write(body, located);
        try
        {
            Assert.False(index.Memory.IsEmpty);
            return index.Memory.ToArray();
        }
        finally
        {
            index.Return();
        }
    }

    /// <summary>Everything a handler could tell apart, per routed event.</summary>
    private static List<string> Describe(LocatedDelivery located) =>
    [
        .. located.Routed.Select(e => string.Join(
            " | ",
            e.Route,
            e.Payload.Product,
            Encoding.UTF8.GetString(e.Payload.EventType.Span),
            e.EventType,
            e.Payload.Sections,
            Encoding.UTF8.GetString(e.Payload.Json.Span),
            located.Delivery.ForEvent(e.Payload.Json).EventJson.Length)),
        string.Join(" | ", located.Delivery.Product, located.Delivery.ForUserId, located.Delivery.Attempt, located.Delivery.Body.Length, located.Delivery.EventJson.Length),
    ];

    private DeliveryProcessor Processor(IXWebhookDispatcher dispatcher, IXWebhookDedupe? dedupe = null) =>
        new(dispatcher, new XWebhooksMetrics(services.GetRequiredService<IMeterFactory>()), NullLogger<DeliveryProcessor>.Instance, dedupe, TimeSpan.FromHours(1));

    /// <summary>Routes every kind, each to a route of its own length (so a wrong kind shows as a wrong route).</summary>
    private sealed class TakesEverything : IXWebhookDispatcher
    {
        public int Route(XProduct product, ReadOnlySpan<byte> eventType) => ((int)product * 1000) + eventType.Length;

        public ValueTask DispatchAsync(int route, XEventPayload payload, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken) => default;
    }

    private sealed class TakesOnly(params string[] kinds) : IXWebhookDispatcher
    {
        public int Route(XProduct product, ReadOnlySpan<byte> eventType) => Array.IndexOf(kinds, Encoding.UTF8.GetString(eventType));

        public ValueTask DispatchAsync(int route, XEventPayload payload, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken) => default;
    }

    private sealed class RecordingDedupe : IXWebhookDedupe
    {
        public ValueTask<bool> WasProcessedAsync(string key, CancellationToken cancellationToken) => new(false);

        public ValueTask MarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken) => default;
    }
}
