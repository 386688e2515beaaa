using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace XWebhooks.Management.Tests;

/// <summary>
/// Management calls on the <c>XWebhooks</c> activity source, through a real <see cref="ActivityListener"/>: one client
/// span per call, named after the client method, with X's status code and no token, path or body. Listeners are
/// process-wide and tests run in parallel, so each test reads only the spans under its own root span.
/// </summary>
public sealed class ManagementTracingTests : IDisposable
{
    private const string TestSourceName = "XWebhooks.Management.Tests.Trace";
    private static readonly ActivitySource TestSource = new(TestSourceName);
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityListener listener;

    public ManagementTracingTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "XWebhooks" or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public void Dispose() => listener.Dispose();

    private Activity SingleCallSpan(Activity root) =>
        Assert.Single(stopped, a => a.Source.Name == "XWebhooks" && a.TraceId == root.TraceId);

    private static void AssertNoSecretOrPayload(Activity span, params string[] forbidden)
    {
        foreach (var tag in span.TagObjects)
        {
            var value = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            foreach (var text in forbidden)
            {
                Assert.DoesNotContain(text, value, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Successful_call_is_a_client_span_named_after_the_method()
    {
        var stub = new StubHandler().Ok("""{"data":{"id":"1234567890","url":"https://yourdomain.com/webhooks/twitter","valid":true}}""");
        using var root = TestSource.StartActivity("test", ActivityKind.Internal, parentContext: default)!;

        await StubHandler.Client(stub).CreateWebhookAsync(new Uri("https://yourdomain.com/webhooks/twitter"));

        var span = SingleCallSpan(root);
        Assert.Equal("XWebhooks CreateWebhook", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(root.SpanId, span.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        var tags = span.TagObjects.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("CreateWebhook", tags["xwebhooks.operation"]);
        Assert.Equal("POST", tags["http.request.method"]);
        Assert.Equal(200, tags["http.response.status_code"]);
        Assert.Equal(3, tags.Count);
        AssertNoSecretOrPayload(span, "app-token", "yourdomain.com", "1234567890");
    }

    [Fact]
    public async Task Refused_call_marks_the_span_as_an_error_with_the_status_code()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.Forbidden, """{"title":"Forbidden","detail":"nope","type":"about:blank","status":403}""");
        using var root = TestSource.StartActivity("test", ActivityKind.Internal, parentContext: default)!;

        await Assert.ThrowsAsync<XApiException>(() => StubHandler.Client(stub).DeleteWebhookAsync("98765"));

        var span = SingleCallSpan(root);
        Assert.Equal("XWebhooks DeleteWebhook", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        var tags = span.TagObjects.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(403, tags["http.response.status_code"]);
        Assert.Equal("403", tags["error.type"]);
        Assert.Equal("DELETE", tags["http.request.method"]);
        AssertNoSecretOrPayload(span, "app-token", "98765", "nope");
    }
}
