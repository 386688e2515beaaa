using Microsoft.Extensions.Options;
using XWebhooks.Hosting;
using XWebhooks.Security;

namespace XWebhooks.Health;

/// <summary>
/// What the endpoints observed (as an <see cref="IXWebhookObserver"/>), for the health check: when a CRC was last answered, and signature failures
/// versus verified deliveries over a sliding window. Updates are a volatile write or an interlocked increment.
/// </summary>
/// <remarks>
/// The window is split into <see cref="BucketCount"/> time buckets in a ring; a bucket is reset (under a lock,
/// once per bucket period) when time reaches it again. Counts are exact except that the oldest bucket leaves the
/// window whole, so the window is between <c>SignatureWindow</c> minus one bucket and <c>SignatureWindow</c>.
/// </remarks>
internal sealed class XWebhooksHealthState : IXWebhookObserver
{
    internal const int BucketCount = 30;

    private readonly TimeProvider timeProvider;
    private readonly long bucketTicks;
    private readonly Bucket[] buckets = new Bucket[BucketCount];
    private readonly Lock rollLock = new();
    private long lastCrcTicks; // UTC ticks; 0 = none answered since start

    public XWebhooksHealthState(TimeProvider timeProvider, IOptions<XWebhooksHealthCheckOptions> options)
    {
        this.timeProvider = timeProvider;
        var window = options.Value.SignatureWindow;
        bucketTicks = Math.Max(1, window.Ticks / BucketCount);
        StartedAt = timeProvider.GetUtcNow();
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i].Number = long.MinValue;
        }
    }

    /// <summary>When this state (the application) started: CRC staleness is measured from here until the first CRC.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When the last CRC challenge was answered, or null when none was answered since start.</summary>
    public DateTimeOffset? LastCrcAnsweredAt => Volatile.Read(ref lastCrcTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void CrcChecked(bool answered, DateTimeOffset at)
    {
        if (answered)
        {
            Volatile.Write(ref lastCrcTicks, at.UtcTicks);
        }
    }

    /// <summary>
    /// Counts a signed request. A request without any signature header is not counted: those are scanners and
    /// probes, not X; a malformed or mismatching signature is what a wrong secret or a forgery looks like.
    /// </summary>
    public void SignatureChecked(XSignatureCheck check)
    {
        if (check == XSignatureCheck.Missing)
        {
            return;
        }

        var number = timeProvider.GetUtcNow().UtcTicks / bucketTicks;
        ref var bucket = ref buckets[number % BucketCount];
        if (Volatile.Read(ref bucket.Number) != number)
        {
            Roll(ref bucket, number);
        }

        if (check is XSignatureCheck.ValidPrimary or XSignatureCheck.ValidSecondary)
        {
            Interlocked.Increment(ref bucket.Verified);
        }
        else
        {
            Interlocked.Increment(ref bucket.Failed);
        }
    }

    /// <summary>Verified and failed signed requests within the window ending now.</summary>
    public (long Verified, long Failed) SignatureCounts()
    {
        var newest = timeProvider.GetUtcNow().UtcTicks / bucketTicks;
        long verified = 0, failed = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            ref var bucket = ref buckets[i];
            var number = Volatile.Read(ref bucket.Number);
            if (number > newest - BucketCount && number <= newest)
            {
                verified += Volatile.Read(ref bucket.Verified);
                failed += Volatile.Read(ref bucket.Failed);
            }
        }

        return (verified, failed);
    }

    private void Roll(ref Bucket bucket, long number)
    {
        lock (rollLock)
        {
            // Counts are cleared before the new number is published, so an increment that saw the new number lands after the reset.
            if (bucket.Number < number)
            {
                Volatile.Write(ref bucket.Verified, 0);
                Volatile.Write(ref bucket.Failed, 0);
                Volatile.Write(ref bucket.Number, number);
            }
        }
    }

    private struct Bucket
    {
        public long Number;
        public long Verified;
        public long Failed;
    }
}
