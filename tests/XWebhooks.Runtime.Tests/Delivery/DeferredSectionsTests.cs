using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Delivery;
using XWebhooks.Diagnostics;
using XWebhooks.Events;
using XWebhooks.Events.Activity;
using XWebhooks.TestSupport;
using XWebhooks.Tests.Drift;

namespace XWebhooks.Tests.Delivery;

/// <summary>
/// An XAA event's payload and includes are read on first use. The reference is System.Text.Json reading the whole
/// event at once through the same metadata and the same drift tolerance (some documented examples drift from the
/// documented schema): read in parts, every event must come out the same.
/// </summary>
public sealed class DeferredSectionsTests
{
    public static TheoryData<string> ActivityFixtures() => [.. Fixtures.All("activity")];

    private static Type ModelOf(string eventType) =>
        typeof(IXEvent<>).Assembly.GetTypes().Single(t => t.GetCustomAttributes<XEventTypeAttribute>().Any(a => a.Product == XProduct.Activity && a.Name == eventType));

    private static JsonTypeInfo TypeInfoOf(Type model) => (JsonTypeInfo)model.GetProperty("JsonTypeInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static object ReadDeferring(Type model, XEventPayload payload)
    {
        try
        {
            return typeof(LenientEventReader).GetMethod(nameof(LenientEventReader.Read))!.MakeGenericMethod(model).Invoke(null, [payload, null])!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }

    private static byte[] DataOf(byte[] delivery) => Encoding.UTF8.GetBytes(JsonNode.Parse(delivery)!["data"]!.ToJsonString());

    // Without the positions the locate pass records: the reader splits the JSON itself.
    private static XEventPayload Activity(string eventType, byte[] data) => new(XProduct.Activity, Encoding.UTF8.GetBytes(eventType), data);

    // As the receive path hands it on: located in a delivery, with the positions of the deferred members.
    private static XEventPayload Located(byte[] delivery)
    {
        var reader = new XDeliveryReader(delivery);
        Assert.True(reader.TryReadNext(out var payload));
        Assert.Equal(XProduct.Activity, payload.Product);
        return payload;
    }

    private static byte[] Delivery(byte[] data) => [.. "{\"data\":"u8, .. data, .. "}"u8];

    [Theory]
    [MemberData(nameof(ActivityFixtures))]
    public void Every_documented_event_read_in_parts_equals_the_event_read_whole(string fixture)
    {
        var data = DataOf(Fixtures.Read(fixture));
        var eventType = JsonNode.Parse(data)!["event_type"]!.GetValue<string>();
        var model = ModelOf(eventType);
        var typeInfo = TypeInfoOf(model);

        var whole = JsonSerializer.Serialize(ReadWhole(model, data), typeInfo);
        var located = Located(Delivery(data));

        Assert.True(located.Sections.Known);
        Assert.Equal(whole, JsonSerializer.Serialize(ReadDeferring(model, Activity(eventType, data)), typeInfo));
        Assert.Equal(whole, JsonSerializer.Serialize(ReadDeferring(model, located), typeInfo));
    }

    [Theory]
    // Where a position could name another member than the one the serializer reads, the reader splits instead.
    [InlineData("""{"event_type":"post.create","payload":{"id":"1"},"payload":{"id":"2"}}""", false)]
    [InlineData("""{"event_type":"post.create","includes":{},"payload":{"id":"1"},"includes":null}""", false)]
    [InlineData("""{"event_type":"post.create","pay\u006Coad":{"id":"3"}}""", false)]
    [InlineData("""{"event_type":"post.create","t\u0061g":"t","payload":{"id":"3"}}""", false)]
    [InlineData("""{"event_type":"post.create","includes":{"users":[]},"payload":{"id":"1"}}""", true)]
    [InlineData("""{"event_type":"post.create","payload":"drift"}""", true)]
    public void Positions_are_used_only_when_each_deferred_name_appears_once_and_plainly(string json, bool known)
    {
        var located = Located(Delivery(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(known, located.Sections.Known);
    }

    [Fact]
    public void The_deferred_members_survive_the_reuse_of_the_delivery_buffer()
    {
        var data = DataOf(Fixtures.Read("activity/post.create.json"));
        var expected = JsonSerializer.Deserialize(data, PostCreated.JsonTypeInfo)!;

        var e = LenientEventReader.Read<PostCreated>(Activity("post.create", data), null);
        Array.Fill(data, (byte)'x');

        Assert.Equal(expected.Payload!.Text, e.Payload!.Text);
        Assert.Equal(expected.Includes!.Users!.Select(u => u.Username), e.Includes!.Users!.Select(u => u.Username));
    }

    [Fact]
    public void Every_read_of_a_deferred_member_returns_the_same_object_also_when_threads_race_for_the_first()
    {
        var data = DataOf(Fixtures.Read("activity/post.create.json"));
        var e = LenientEventReader.Read<PostCreated>(Activity("post.create", data), null);

        // Own threads, all started before any is joined: a barrier over pool tasks waits for the pool to grow.
        const int Readers = 4;
        using var start = new Barrier(Readers);
        var seen = new (object? Payload, object? Includes)[Readers];
        var threads = Enumerable.Range(0, Readers).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            seen[i] = (e.Payload, e.Includes);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(seen, s => Assert.Same(e.Payload, s.Payload));
        Assert.All(seen, s => Assert.Same(e.Includes, s.Includes));
    }

    [Theory]
    // The serializer's rule for a repeated member (the last one wins) holds for deferred members too.
    [InlineData("""{"event_type":"post.create","payload":{"id":"1"},"payload":null}""")]
    [InlineData("""{"event_type":"post.create","payload":null,"payload":{"id":"2"}}""")]
    [InlineData("""{"event_type":"post.create","payload":{"id":"1"},"payload":{"id":"2"}}""")]
    // An escaped name is the same name; a scalar where an object belongs is drift, read with the rest at once.
    [InlineData("""{"event_type":"post.create","pay\u006Coad":{"id":"3"},"tag":"t"}""")]
    [InlineData("""{"event_type":"post.create","payload":"drift","includes":7}""")]
    [InlineData("""{ "payload" : { "id" : "4" } , "event_uuid" : 5 , "includes" : { "users" : [ { "id" : "9" } ] } }""")]
    [InlineData("""{}""")]
    public void Repeated_escaped_and_drifted_members_read_as_the_whole_event_reads_them(string json)
    {
        var data = Encoding.UTF8.GetBytes(json);
        var whole = LenientEventReaderWhole(data);

        var split = LenientEventReader.Read<PostCreated>(Activity("post.create", data), null);

        Assert.Equal(JsonSerializer.Serialize(whole, PostCreated.JsonTypeInfo), JsonSerializer.Serialize(split, PostCreated.JsonTypeInfo));
        // Without an event_type the delivery is no XAA event; with one, the cut by located positions reads the same.
        if (TryLocate(Delivery(data)) is { Product: XProduct.Activity } located)
        {
            var cut = LenientEventReader.Read<PostCreated>(located, null);
            Assert.Equal(JsonSerializer.Serialize(whole, PostCreated.JsonTypeInfo), JsonSerializer.Serialize(cut, PostCreated.JsonTypeInfo));
        }
    }

    [Fact]
    public void Drift_inside_a_deferred_member_is_reported_by_its_path_in_the_event_when_it_is_read()
    {
        var node = JsonNode.Parse(DataOf(Fixtures.Read("activity/post.create.json")))!;
        node["payload"]!["lang"] = new JsonArray();
        using var services = new ServiceCollection().AddLogging().AddMetrics()
            .AddSingleton<XWebhooksMetrics>().AddSingleton<EventDriftReporter>().BuildServiceProvider();
        using var counters = new CounterRecorder(services.GetRequiredService<IMeterFactory>(), "xwebhooks.events.drift");

        var e = LenientEventReader.Read<PostCreated>(Activity("post.create", Encoding.UTF8.GetBytes(node.ToJsonString())), services);
        var beforeRead = counters.TotalsOf("xwebhooks.events.drift");
        var text = e.Payload!.Text;

        Assert.Empty(beforeRead);
        Assert.NotNull(text);
        Assert.Null(e.Payload.Lang);
        Assert.Equal(
            new Dictionary<string, long> { ["path=$.payload.lang;product=activity;type=post.create"] = 1 },
            counters.TotalsOf("xwebhooks.events.drift"));
    }

    [Fact]
    public void Seeded_hostile_events_read_in_parts_equal_the_lenient_read_of_the_whole_event()
    {
        var documents = Fixtures.All("activity").Select(Fixtures.Read).ToList();
        var mutator = new BodyMutator(20261203, documents);
        var (compared, cutCompared) = (0, 0);
        for (var i = 0; i < 1500; i++)
        {
            var (body, mutations) = mutator.Next();
            if (!TryData(body, out var data, out var eventType) || ModelOrNull(eventType) is not { } model)
            {
                continue;
            }

            var typeInfo = TypeInfoOf(model);
            var whole = Outcome(() => JsonSerializer.Serialize(ReadWhole(model, data), typeInfo));
            var inParts = Outcome(() => JsonSerializer.Serialize(ReadDeferring(model, Activity(eventType, data)), typeInfo));
            Assert.True(whole == inParts, $"body {i} ({mutations}): whole {whole} | in parts {inParts}");
            if (TryLocate(body) is { Product: XProduct.Activity } located)
            {
                var cut = Outcome(() => JsonSerializer.Serialize(ReadDeferring(model, located), typeInfo));
                Assert.True(whole == cut, $"body {i} ({mutations}): whole {whole} | cut by located positions {cut}");
                cutCompared++;
            }

            compared++;
        }

        Assert.True(compared > 500, $"only {compared} hostile events could be compared");
        Assert.True(cutCompared > 500, $"only {cutCompared} hostile events were located");
    }

    // The mutated delivery as the receive path locates it; null when it would be refused (400) before any read.
    private static XEventPayload? TryLocate(byte[] body)
    {
        try
        {
            var reader = new XDeliveryReader(body);
            return reader.TryReadNext(out var payload) ? payload : null;
        }
        catch (XDeliveryFormatException)
        {
            return null;
        }
    }

    private static string Outcome(Func<string> read)
    {
        try
        {
            return read();
        }
        catch (JsonException)
        {
            return "unreadable";
        }
    }

    private static bool TryData(byte[] body, out byte[] data, out string eventType)
    {
        data = [];
        eventType = "";
        try
        {
            if (JsonNode.Parse(body) is JsonObject { } root && root["data"] is JsonObject { } d && d["event_type"] is JsonValue type && type.TryGetValue<string>(out var name))
            {
                // The located data object, byte for byte as X sent it.
                var reader = new Utf8JsonReader(body);
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isData = reader.ValueTextEquals("data"u8);
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    if (isData)
                    {
                        data = body[start..(int)reader.BytesConsumed];
                    }
                }

                eventType = name;
                return data.Length > 0 && data[0] == (byte)'{';
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
        }

        return false;
    }

    private static Type? ModelOrNull(string eventType) =>
        typeof(IXEvent<>).Assembly.GetTypes().FirstOrDefault(t => t.GetCustomAttributes<XEventTypeAttribute>().Any(a => a.Product == XProduct.Activity && a.Name == eventType));

    // The whole event through the same drift tolerance, with nothing deferred.
    private static object ReadWhole(Type model, byte[] data)
    {
        try
        {
            return typeof(DeferredSectionsTests).GetMethod(nameof(ReadWholeOf), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(model).Invoke(null, [data])!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }

    private static PostCreated LenientEventReaderWhole(byte[] data) => ReadWholeOf<PostCreated>(data)!;

    private static T? ReadWholeOf<T>(byte[] data)
        where T : IXEvent<T>
        => LenientEventReader.ReadTolerant(data, T.JsonTypeInfo, XProduct.Activity, "test"u8, null, "$");
}
