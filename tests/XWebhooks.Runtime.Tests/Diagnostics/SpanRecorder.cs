using System.Collections.Concurrent;
using System.Diagnostics;

namespace XWebhooks.Tests.Diagnostics;

/// <summary>
/// A real <see cref="ActivityListener"/> on the given sources that keeps every stopped span. Listeners are process-wide
/// and tests run in parallel, so each test starts a root span of its own (<see cref="StartTestTrace"/>) and reads only
/// the spans of that trace (HttpClient sends its context as <c>traceparent</c>; ASP.NET Core continues it).
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private static readonly ActivitySource TestSource = new("XWebhooks.Tests.Trace");
    private readonly ActivityListener listener;

    public SpanRecorder(params string[] sources)
    {
        HashSet<string> names = [TestSource.Name, .. sources];
        listener = new ActivityListener
        {
            ShouldListenTo = source => names.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public ConcurrentQueue<Activity> Stopped { get; } = new();

    /// <summary>A root span for this test; the spans it causes share its trace id.</summary>
    public static Activity StartTestTrace() => TestSource.StartActivity("test", ActivityKind.Internal, parentContext: default)
        ?? throw new InvalidOperationException("The recorder listens to the test source: the span must start.");

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId, string source) =>
        [.. Stopped.Where(a => a.TraceId == traceId && a.Source.Name == source)];

    /// <summary>Waits until <paramref name="count"/> spans of <paramref name="source"/> in the trace have stopped (spans stop after the answer is sent).</summary>
    public async Task<IReadOnlyList<Activity>> WaitForAsync(ActivityTraceId traceId, string source, int count = 1)
    {
        for (var i = 0; i < 500 && InTrace(traceId, source).Count < count; i++)
        {
            await Task.Delay(10);
        }

        return InTrace(traceId, source);
    }

    public void Dispose() => listener.Dispose();
}
