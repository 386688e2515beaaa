using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using XWebhooks.Delivery;
using XWebhooks.Diagnostics;

namespace XWebhooks.Tests.Delivery;

/// <summary>
/// What a handler can reach beyond its model: <see cref="XDelivery.EventJson"/> (the exact JSON of its own event,
/// even in a multi-event Account Activity delivery) and <see cref="XDelivery.Errors"/> (X's top-level partial errors),
/// through the real receive path (<see cref="DeliveryProcessor"/>).
/// </summary>
public sealed class DeliveryEventJsonTests
{
    [Fact]
    public async Task Each_event_of_an_account_activity_delivery_sees_its_own_json()
    {
        const string first = """{"id":"a1","favorited_status":{"id_str":"10","future_field":{"x":1}}}""";
        const string second = """{"id":"a2","favorited_status":{"id_str":"11"}}""";
        var body = $$"""{"for_user_id":"7","favorite_events":[{{first}}, {{second}}],"follow_events":[{"type":"follow"}]}""";

        var seen = await DeliverAsync(body);

        Assert.Equal([first, second], seen.Select(static s => s.EventJson));
        Assert.All(seen, s => Assert.Equal(body, s.Body));
        Assert.All(seen, static s => Assert.Equal("7", s.ForUserId));
    }

    [Fact]
    public async Task An_activity_event_sees_its_data_object_and_the_deliverys_partial_errors()
    {
        const string data = """{"event_uuid":"1","event_type":"post.create","filter":{"user_id":"2"},"payload":{"id":"3","text":"t","x_new":[1]}}""";
        var body = $$"""{"data":{{data}},"errors":[{"title":"Not Found Error","detail":"Could not find tweet with referenced_tweets.id: [9].","type":"https://api.twitter.com/2/problems/resource-not-found","resource_type":"tweet","resource_id":9,"parameter":"referenced_tweets.id","value":"9"}]}""";

        var seen = Assert.Single(await DeliverAsync(body));

        Assert.Equal(data, seen.EventJson);
        var problem = Assert.Single(seen.Errors);
        Assert.Equal("Not Found Error", problem.Title);
        Assert.Equal("https://api.twitter.com/2/problems/resource-not-found", problem.Type);
        Assert.Equal("9", problem.ResourceId); // A number where the schema says string: read leniently.
        Assert.Equal("referenced_tweets.id", problem.Parameter);
    }

    [Fact]
    public async Task A_stream_post_sees_the_whole_body_and_its_errors_keeping_the_readable_ones()
    {
        const string body = """{"data":{"id":"5","text":"t"},"matching_rules":[{"id":"1","tag":"a"}],"errors":["not a problem",{"title":"Kept","status":"404"},{"title":{"drifted":true},"status":"not a number"},{"detail":"Also kept"}]}""";

        var seen = Assert.Single(await DeliverAsync(body));

        Assert.Equal(body, seen.EventJson);
        Assert.Equal(["Kept", null], seen.Errors.Select(static p => p.Title));
        Assert.Equal(404, seen.Errors[0].Status);
        Assert.Equal("Also kept", seen.Errors[1].Detail);
    }

    [Fact]
    public async Task A_problem_with_invalid_utf8_in_a_string_is_skipped_not_thrown()
    {
        var body = Encoding.UTF8.GetBytes("""{"data":{"id":"5","text":"t"},"matching_rules":[],"errors":[{"title":"BAD"},{"title":"ok"}]}""");
        var bad = body.AsSpan().IndexOf("BAD"u8);
        body[bad] = 0xFF; // Not UTF-8: the JSON structure is intact, the string is not.

        var seen = Assert.Single(await DeliverAsync(body));

        Assert.Equal(["ok"], seen.Errors.Select(static p => p.Title));
    }

    [Fact]
    public async Task A_delivery_without_errors_has_an_empty_list()
    {
        var seen = Assert.Single(await DeliverAsync("""{"data":{"event_uuid":"1","event_type":"post.create","payload":{}}}"""));

        Assert.Empty(seen.Errors);
    }

    private static Task<List<Seen>> DeliverAsync(string body) => DeliverAsync(Encoding.UTF8.GetBytes(body));

    private static async Task<List<Seen>> DeliverAsync(byte[] body)
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var dispatcher = new CapturingDispatcher();
        var processor = new DeliveryProcessor(
            dispatcher,
            new XWebhooksMetrics(services.GetRequiredService<IMeterFactory>()),
            NullLogger<DeliveryProcessor>.Instance,
            dedupe: null,
            TimeSpan.Zero);

        var located = processor.Locate(body, DateTimeOffset.UnixEpoch);
        await processor.DispatchAsync(located, services, CancellationToken.None);
        return dispatcher.Seen;
    }

    private sealed record Seen(string EventJson, string Body, string? ForUserId, IReadOnlyList<XWebhooks.Events.XProblem> Errors);

    /// <summary>Takes <c>post.create</c>, <c>favorite_events</c> and stream posts; records what each handler call could see.</summary>
    private sealed class CapturingDispatcher : IXWebhookDispatcher
    {
        public List<Seen> Seen { get; } = [];

        public int Route(XProduct product, ReadOnlySpan<byte> eventType) =>
            eventType.SequenceEqual("post.create"u8) || eventType.SequenceEqual("favorite_events"u8) || eventType.SequenceEqual("post"u8) ? 0 : -1;

        public ValueTask DispatchAsync(int route, XEventPayload payload, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken)
        {
            // Read while the "handler" runs, as a handler must: the body's buffer is only valid until then.
            Seen.Add(new Seen(Encoding.UTF8.GetString(delivery.EventJson.Span), Encoding.UTF8.GetString(delivery.Body.Span), delivery.ForUserId, delivery.Errors));
            return ValueTask.CompletedTask;
        }
    }
}
