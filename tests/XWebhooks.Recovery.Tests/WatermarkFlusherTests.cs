using Microsoft.Extensions.Logging.Abstractions;

namespace XWebhooks.Recovery.Tests;

/// <summary>The flusher reads the previous run's watermark before writing anything, writes only moved values, and writes on stop.</summary>
public sealed class WatermarkFlusherTests
{
    private static readonly DateTimeOffset Previous = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static DeliveryWatermarkFlusher Flusher(IXDeliveryWatermark store, DeliveryWatermarkRecorder recorder, TimeSpan? interval = null) =>
        new(store, recorder, TimeProvider.System, NullLogger<DeliveryWatermarkFlusher>.Instance) { Interval = interval ?? TimeSpan.FromHours(1) };

    [Fact]
    public async Task Previous_run_is_read_before_this_run_writes()
    {
        var store = new RecordingWatermark(Previous);
        var recorder = new DeliveryWatermarkRecorder();
        recorder.Received(Now); // a delivery that arrived before the flusher started
        var flusher = Flusher(store, recorder);

        await flusher.FlushAsync(CancellationToken.None);
        Assert.Empty(store.Writes); // previous run not read yet: writing now would erase the gap

        await flusher.StartAsync(CancellationToken.None);
        Assert.Equal(Previous, await recorder.PreviousRun.WaitAsync(TimeSpan.FromSeconds(30)));
        await flusher.StopAsync(CancellationToken.None);

        Assert.Equal([Now], store.Writes);
        Assert.Equal(Now, await store.GetLastReceivedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task First_run_has_no_previous_watermark()
    {
        var recorder = new DeliveryWatermarkRecorder();
        var flusher = Flusher(new RecordingWatermark(), recorder);
        await flusher.StartAsync(CancellationToken.None);
        Assert.Null(await recorder.PreviousRun.WaitAsync(TimeSpan.FromSeconds(30)));
        await flusher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Only_moved_values_are_written()
    {
        var store = new RecordingWatermark();
        var recorder = new DeliveryWatermarkRecorder();
        var flusher = Flusher(store, recorder);
        await flusher.StartAsync(CancellationToken.None);
        await recorder.PreviousRun.WaitAsync(TimeSpan.FromSeconds(30));

        await flusher.FlushAsync(CancellationToken.None); // nothing received
        recorder.Received(Now);
        recorder.Received(Now.AddSeconds(-3)); // out of order: ignored
        await flusher.FlushAsync(CancellationToken.None);
        await flusher.FlushAsync(CancellationToken.None); // unchanged
        recorder.Received(Now.AddSeconds(2));
        await flusher.StopAsync(CancellationToken.None);

        Assert.Equal([Now, Now.AddSeconds(2)], store.Writes);
    }

    [Fact]
    public async Task Periodic_flush_writes_without_a_stop()
    {
        var store = new RecordingWatermark();
        var recorder = new DeliveryWatermarkRecorder();
        var flusher = Flusher(store, recorder, TimeSpan.FromMilliseconds(50));
        await flusher.StartAsync(CancellationToken.None);
        recorder.Received(Now);

        await Poll.UntilAsync(() => !store.Writes.IsEmpty, "the flusher wrote the watermark", TimeSpan.FromSeconds(30));

        Assert.Equal([Now], store.Writes);
        await flusher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Unreadable_store_faults_the_previous_run_and_failed_writes_are_retried()
    {
        var store = new RecordingWatermark { ReadFailure = new InvalidOperationException("down") };
        var recorder = new DeliveryWatermarkRecorder();
        var flusher = Flusher(store, recorder);
        await flusher.StartAsync(CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => recorder.PreviousRun.WaitAsync(TimeSpan.FromSeconds(30)));

        recorder.Received(Now);
        store.WriteFailure = new InvalidOperationException("still down");
        await flusher.FlushAsync(CancellationToken.None); // logged, not thrown
        store.WriteFailure = null;
        await flusher.StopAsync(CancellationToken.None);
        Assert.Equal([Now], store.Writes);
    }
}
