using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Inbox;
using XWebhooks.Testing;
using XWebhooks.Tests.Hosting;
using XWebhooks.Tests.Inbox;

namespace XWebhooks.Tests.Diagnostics;

/// <summary>
/// The <c>XWebhooks</c> activity source seen through a real <see cref="ActivityListener"/> on a real Kestrel: one server
/// span per delivery with what was received and how it ended, handler spans under it, inbox attempts linked to it,
/// and never a body or a secret in any attribute.
/// </summary>
public sealed class DeliveryTracingTests
{
    private const string Source = "XWebhooks";
    private const string Uuid = "7c5e0d3a-delivery-uuid";
    private const string PayloadId = "payload-id-31415926";

    private static byte[] Activity(string eventType) =>
        Encoding.UTF8.GetBytes("{\"data\":{\"event_uuid\":\"" + Uuid + "\",\"event_type\":\"" + eventType + "\",\"payload\":{\"id\":\"" + PayloadId + "\"}}}");

    private static SpanRecorder Record() => new(Source, "Microsoft.AspNetCore", "System.Net.Http", RecordingDispatcher.HandlerSourceName);

    private static async Task<HttpStatusCode> PostAsync(TestReceiver host, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await host.Client.SendAsync(request);
            return response.StatusCode;
        }
    }

    private static Dictionary<string, object?> Tags(Activity span) => span.TagObjects.ToDictionary(t => t.Key, t => t.Value);

    /// <summary>No attribute value of any span holds the body, a piece of it, or a secret.</summary>
    private static void AssertNothingSensitive(IEnumerable<Activity> spans, params string[] secrets)
    {
        string[] forbidden = [Uuid, PayloadId, "event_uuid", "payload", .. secrets];
        foreach (var span in spans)
        {
            foreach (var tag in span.TagObjects)
            {
                var value = tag.Value is string[] values ? string.Join(",", values) : Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                foreach (var text in forbidden)
                {
                    Assert.DoesNotContain(text, value, StringComparison.Ordinal);
                }
            }

            Assert.Empty(span.Events);
            Assert.Empty(span.Baggage);
        }
    }

    [Fact]
    public async Task Signed_delivery_is_one_server_span_with_product_event_types_signature_and_outcome()
    {
        using var recorder = Record();
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });
        using var trace = SpanRecorder.StartTestTrace();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, XWebhookTestKit.CreateSignedPost(host.Url, Activity("post.create"), TestReceiver.DefaultSecret)));

        var span = Assert.Single(await recorder.WaitForAsync(trace.TraceId, Source));
        Assert.Equal("XWebhooks receive", span.DisplayName);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        var tags = Tags(span);
        Assert.Equal("activity", tags["xwebhooks.product"]);
        Assert.Equal(["post.create"], Assert.IsType<string[]>(tags["xwebhooks.event.types"]));
        Assert.Equal("accepted", tags["xwebhooks.outcome"]);
        Assert.Equal("valid_primary", tags["xwebhooks.signature.result"]);
        Assert.Equal("classic", tags["xwebhooks.signature.header"]);
        Assert.Equal(200, tags["http.response.status_code"]);
        Assert.Equal(6, tags.Count);
        AssertNothingSensitive(recorder.InTrace(trace.TraceId, Source), TestReceiver.DefaultSecret);
    }

    [Fact]
    public async Task Refused_signature_is_recorded_without_reading_the_body()
    {
        using var recorder = Record();
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });
        using var trace = SpanRecorder.StartTestTrace();

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, XWebhookTestKit.CreateSignedPost(host.Url, Activity("post.create"), "not-the-secret")));

        var span = Assert.Single(await recorder.WaitForAsync(trace.TraceId, Source));
        var tags = Tags(span);
        Assert.Equal("mismatch", tags["xwebhooks.signature.result"]);
        Assert.Equal("classic", tags["xwebhooks.signature.header"]);
        Assert.Equal("unauthorized", tags["xwebhooks.outcome"]);
        Assert.Equal("unknown", tags["xwebhooks.product"]);
        Assert.Equal(401, tags["http.response.status_code"]);
        Assert.False(tags.ContainsKey("xwebhooks.event.types"), "an unverified body is never parsed, so no event types");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        AssertNothingSensitive([span], TestReceiver.DefaultSecret, "not-the-secret", XWebhookTestKit.Sign(Activity("post.create"), "not-the-secret"));
    }

    [Fact]
    public async Task Failed_handler_marks_the_delivery_span_as_an_error()
    {
        using var recorder = Record();
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });
        using var trace = SpanRecorder.StartTestTrace();

        Assert.Equal(HttpStatusCode.InternalServerError, await PostAsync(host, XWebhookTestKit.CreateSignedPost(host.Url, Activity("test.throw"), TestReceiver.DefaultSecret)));

        var span = Assert.Single(await recorder.WaitForAsync(trace.TraceId, Source));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        var tags = Tags(span);
        Assert.Equal("handler_failed", tags["xwebhooks.outcome"]);
        Assert.Equal("handler_failed", tags["error.type"]);
        Assert.Equal(["test.throw"], Assert.IsType<string[]>(tags["xwebhooks.event.types"]));
        AssertNothingSensitive([span], TestReceiver.DefaultSecret, "handler failed on purpose");
    }

    [Fact]
    public async Task Event_types_are_listed_once_each_handled_or_not()
    {
        using var recorder = Record();
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });
        using var trace = SpanRecorder.StartTestTrace();
        var body = Encoding.UTF8.GetBytes("""
            {"for_user_id":"2244994945","favorite_events":[{"id":"a1"},{"id":"a2"}],"follow_events":[{"type":"follow"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, XWebhookTestKit.CreateSignedPost(host.Url, body, TestReceiver.DefaultSecret)));

        var tags = Tags(Assert.Single(await recorder.WaitForAsync(trace.TraceId, Source)));
        Assert.Equal("account_activity", tags["xwebhooks.product"]);
        Assert.Equal(["favorite_events", "follow_events"], Assert.IsType<string[]>(tags["xwebhooks.event.types"]));
    }

    [Fact]
    public async Task Handler_span_is_a_child_of_the_delivery_span()
    {
        using var recorder = Record();
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher() });
        using var trace = SpanRecorder.StartTestTrace();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, XWebhookTestKit.CreateSignedPost(host.Url, Activity("test.traced"), TestReceiver.DefaultSecret)));

        var delivery = Assert.Single(await recorder.WaitForAsync(trace.TraceId, Source));
        var handler = Assert.Single(recorder.InTrace(trace.TraceId, RecordingDispatcher.HandlerSourceName));
        Assert.Equal(delivery.SpanId, handler.ParentSpanId);
        Assert.Equal("handler work", handler.DisplayName);
    }

    [Fact]
    public async Task Inbox_attempts_are_spans_linked_to_the_delivery_that_stored_the_entry()
    {
        using var recorder = Record();
        var inbox = new InMemoryInbox(TimeProvider.System);
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher(), Configure = x => x.AddInbox(_ => inbox, o =>
        {
            o.MaxAttempts = 3;
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
            o.PollInterval = TimeSpan.FromMilliseconds(20);
        }) });
        using var trace = SpanRecorder.StartTestTrace();

        // Fails on its first attempt, succeeds on the second: two attempt spans, both linked.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, XWebhookTestKit.CreateSignedPost(host.Url, Activity("test.fail_once"), TestReceiver.DefaultSecret)));

        var delivery = Assert.Single(await recorder.WaitForAsync(trace.TraceId, Source));
        Assert.Equal("queued", Tags(delivery)["xwebhooks.outcome"]);
        IReadOnlyList<Activity> attempts = [];
        for (var i = 0; i < 500 && attempts.Count < 2; i++)
        {
            await Task.Delay(10);
            attempts = [.. recorder.Stopped.Where(a => a.DisplayName == "XWebhooks process" && a.Links.Any(l => l.Context.SpanId == delivery.SpanId))];
        }

        Assert.Equal(2, attempts.Count);
        foreach (var attempt in attempts)
        {
            Assert.Equal(ActivityKind.Consumer, attempt.Kind);
            var link = Assert.Single(attempt.Links);
            Assert.Equal(delivery.TraceId, link.Context.TraceId);
            Assert.Equal(delivery.SpanId, link.Context.SpanId);
            Assert.NotEqual(delivery.TraceId, attempt.TraceId);
            Assert.Equal(["test.fail_once"], Assert.IsType<string[]>(Tags(attempt)["xwebhooks.event.types"]));
            Assert.Equal("activity", Tags(attempt)["xwebhooks.product"]);
        }

        var ordered = attempts.OrderBy(a => (int)Tags(a)["xwebhooks.inbox.attempt"]!).ToList();
        Assert.Equal([1, 2], ordered.Select(a => (int)Tags(a)["xwebhooks.inbox.attempt"]!));
        Assert.Equal("retried", Tags(ordered[0])["xwebhooks.outcome"]);
        Assert.Equal(ActivityStatusCode.Error, ordered[0].Status);
        Assert.Equal("completed", Tags(ordered[1])["xwebhooks.outcome"]);
        Assert.Equal(ActivityStatusCode.Unset, ordered[1].Status);
        AssertNothingSensitive([delivery, .. attempts], TestReceiver.DefaultSecret, "transient failure on purpose");
    }
}
