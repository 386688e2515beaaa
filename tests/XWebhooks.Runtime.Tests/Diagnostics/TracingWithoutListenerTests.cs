using System.Diagnostics;
using XWebhooks.Diagnostics;
using XWebhooks.Security;

namespace XWebhooks.Tests.Diagnostics;

/// <summary>Runs alone, after the parallel tests (whose listeners are disposed by then): nobody listens to <c>XWebhooks</c>.</summary>
[CollectionDefinition(nameof(NoTraceListener), DisableParallelization = true)]
public sealed class NoTraceListener;

/// <summary>Without a listener the tracing calls of the receive path start nothing and allocate nothing.</summary>
[Collection(nameof(NoTraceListener))]
public sealed class TracingWithoutListenerTests
{
    private static void OneDelivery()
    {
        using var delivery = XWebhooksTracing.StartDelivery();
        XWebhooksTracing.SignatureChecked(new XSignatureResult(XSignatureHeader.Classic, XSignatureCheck.ValidPrimary));
        List<string>? types = null;
        if (XWebhooksTracing.RecordingSpan() is not null)
        {
            XWebhooksTracing.CollectEventType(ref types, "post.create");
        }

        XWebhooksTracing.EventTypesLocated(XWebhooksTracing.RecordingSpan(), types);
        _ = XWebhooksTracing.CurrentTraceParent();
        XWebhooksTracing.DeliveryCompleted(delivery, XWebhooksOutcomes.Accepted, XProduct.Activity, 200);
        using var attempt = XWebhooksTracing.StartInboxAttempt("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "1", 1);
        XWebhooksTracing.InboxAttemptCompleted(attempt, XWebhooksTracing.InboxCompleted, XProduct.Activity);
    }

    [Fact]
    public void No_span_starts_and_nothing_is_allocated()
    {
        Assert.Null(Activity.Current);
        Assert.Null(XWebhooksTracing.StartDelivery());
        Assert.Null(XWebhooksTracing.StartInboxAttempt(null, "1", 1));
        OneDelivery(); // JIT and static initialisation outside the measurement

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            OneDelivery();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
