using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Delivery;
using XWebhooks.Inbox;
using XWebhooks.Testing;
using XWebhooks.Tests.Hosting;

namespace XWebhooks.Tests.Inbox;

/// <summary>Inbox mode on a real Kestrel with an in-memory store: verify → append → 200, then the worker runs handlers.</summary>
public sealed class InboxModeTests
{
    private static byte[] Activity(string eventType, string uuid) =>
        Encoding.UTF8.GetBytes("{\"data\":{\"event_uuid\":\"" + uuid + "\",\"event_type\":\"" + eventType + "\",\"payload\":{\"id\":\"1\"}}}");

    private static async Task<(TestReceiver Host, InMemoryInbox Inbox)> StartAsync(InMemoryInbox? store = null, IXWebhookDedupe? dedupe = null)
    {
        var inbox = store ?? new InMemoryInbox(TimeProvider.System);
        var host = await TestReceiver.StartAsync(new()
        {
            Dispatcher = new RecordingDispatcher(),
            Configure = x =>
            {
                if (dedupe is not null)
                {
                    x.Services.AddSingleton(dedupe);
                }

                x.AddInbox(_ => inbox, o =>
                {
                    o.MaxAttempts = 3;
                    o.InitialRetryDelay = TimeSpan.FromMilliseconds(20);
                    o.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
                    o.PollInterval = TimeSpan.FromMilliseconds(20);
                    o.MaxConcurrency = 16;
                });
            },
        });
        return (host, inbox);
    }

    private static async Task PostAsync(TestReceiver host, byte[] body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await host.Client.SendAsync(XWebhookTestKit.CreateSignedPost(host.Url, body, TestReceiver.DefaultSecret));
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Verified_delivery_is_stored_acknowledged_then_handled_by_the_worker()
    {
        var (host, inbox) = await StartAsync();
        await using var _ = host;

        await PostAsync(host, Activity("post.create", "-1"));

        await Poll.UntilAsync(() => inbox.Completed == 1, "the worker completed the entry");
        Assert.Equal("post.create", Assert.Single(host.Dispatcher<RecordingDispatcher>().Dispatched).EventType);
        Assert.Equal(1, host.Counters.Total("xwebhooks.deliveries;outcome=queued;product=activity"));
    }

    [Fact]
    public async Task Slow_delivery_does_not_hold_back_the_ones_stored_after_it()
    {
        var (host, inbox) = await StartAsync();
        await using var _ = host;

        // Takes 5 s (it honours cancellation, so disposing the host ends it).
        await PostAsync(host, Activity("test.slow_cooperative", "-1"));
        await Task.Delay(100);
        for (var i = 0; i < 40; i++)
        {
            await PostAsync(host, Activity("post.create", (-2 - i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        // All 40 (more than the MaxConcurrency of 16 set above) finish while the slow one still holds its slot.
        // Within 5 s: the slow delivery holds its slot that long, so only a worker that does not wait for it passes.
        await Poll.UntilAsync(() => inbox.Completed == 40, "the 40 quick deliveries completed", TimeSpan.FromSeconds(5));
        Assert.Equal(40, host.Dispatcher<RecordingDispatcher>().Dispatched.Count);
    }

    [Fact]
    public async Task Delivery_without_handled_events_is_acknowledged_without_storing()
    {
        var (host, inbox) = await StartAsync();
        await using var _ = host;

        await PostAsync(host, Activity("profile.update.bio", "7"));

        Assert.Equal(0, (await inbox.GetStatsAsync(default)).Depth);
        Assert.Equal(1, host.Counters.Total("xwebhooks.deliveries;outcome=accepted;product=activity"));
    }

    [Fact]
    public async Task Malformed_json_is_refused_before_storing()
    {
        var (host, inbox) = await StartAsync();
        await using var _ = host;

        await PostAsync(host, "{\"data\":"u8.ToArray(), HttpStatusCode.BadRequest);

        Assert.Equal(0, (await inbox.GetStatsAsync(default)).Depth);
    }

    [Fact]
    public async Task Re_send_of_a_handled_event_is_acknowledged_without_being_stored()
    {
        var (host, inbox) = await StartAsync();
        await using var _ = host;
        var body = Activity("post.create", "-2781149976877970683");

        await PostAsync(host, body);
        await Poll.UntilAsync(() => inbox.Completed == 1, "the first copy was processed");
        await PostAsync(host, body);

        Assert.Equal(1, inbox.Appends);
        Assert.Equal(0, (await inbox.GetStatsAsync(default)).Depth);
        Assert.Single(host.Dispatcher<RecordingDispatcher>().Dispatched);
        Assert.Equal(1, host.Counters.Total("xwebhooks.deliveries;outcome=duplicate;product=activity"));
        Assert.Equal(1, host.Counters.Total("xwebhooks.dedupe.hits;product=activity"));
    }

    [Fact]
    public async Task Re_send_of_an_event_without_a_dedupe_key_is_stored_again()
    {
        var (host, inbox) = await StartAsync();
        await using var _ = host;
        var body = """{"data":{"event_type":"post.create","payload":{"id":"1"}}}"""u8.ToArray();

        await PostAsync(host, body);
        await Poll.UntilAsync(() => inbox.Completed == 1, "the first copy was processed");
        await PostAsync(host, body);
        await Poll.UntilAsync(() => inbox.Completed == 2, "the second copy was processed");

        Assert.Equal(2, inbox.Appends);
        Assert.Equal(0, host.Counters.Total("xwebhooks.deliveries;outcome=duplicate;product=activity"));
    }

    [Fact]
    public async Task Dedupe_store_failure_on_the_acknowledgement_path_still_stores_the_delivery()
    {
        var store = new InMemoryInbox(TimeProvider.System);
        var (host, inbox) = await StartAsync(store, new FailsFirstCheck(store));
        await using var _ = host;

        await PostAsync(host, Activity("post.create", "31"));

        Assert.Equal(1, inbox.Appends);
        Assert.Equal(1, host.Counters.Total("xwebhooks.deliveries;outcome=queued;product=activity"));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 105 && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Exception is TimeoutException);
        await Poll.UntilAsync(() => inbox.Completed == 1, "the worker processed the stored delivery");
        Assert.Equal("post.create", Assert.Single(host.Dispatcher<RecordingDispatcher>().Dispatched).EventType);
    }

    [Fact]
    public async Task Worker_restores_the_delivery_from_its_event_index_without_reading_the_body()
    {
        var (host, inbox) = await StartAsync();
        await using var _ = host;

        await PostAsync(host, """{"for_user_id":"9","favorite_events":[{"id":"a"},{"id":"b"}]}"""u8.ToArray());

        await Poll.UntilAsync(() => inbox.Completed == 1, "the worker completed the entry");
        Assert.NotEmpty(Assert.Single(inbox.AppendedIndexes));
        Assert.Equal(0, host.Services.GetRequiredService<DeliveryProcessor>().StoredBodyReads);
        Assert.Equal(["""{"id":"a"}""", """{"id":"b"}"""], host.Dispatcher<RecordingDispatcher>().Dispatched.Select(d => d.Json));
        Assert.All(host.Dispatcher<RecordingDispatcher>().Dispatched, d => Assert.Equal("9", d.ForUserId));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Unhandled_events_of_a_stored_delivery_are_counted_once(bool storeKeepsIndex)
    {
        var (host, inbox) = await StartAsync(new InMemoryInbox(TimeProvider.System) { KeepsEventIndex = storeKeepsIndex });
        await using var _ = host;

        await PostAsync(host, """{"for_user_id":"9","follow_events":[{"type":"follow"}],"favorite_events":[{"id":"a"}]}"""u8.ToArray());

        await Poll.UntilAsync(() => inbox.Completed == 1, "the worker completed the entry");
        Assert.Equal(storeKeepsIndex ? 0 : 1, host.Services.GetRequiredService<DeliveryProcessor>().StoredBodyReads);
        Assert.Equal("favorite_events", Assert.Single(host.Dispatcher<RecordingDispatcher>().Dispatched).EventType);
        Assert.Equal(1, host.Counters.Total("xwebhooks.events;outcome=unhandled;product=account_activity;type=follow_events"));
        Assert.Equal(1, host.Counters.Total("xwebhooks.events;outcome=handled;product=account_activity;type=favorite_events"));
    }

    [Fact]
    public async Task Event_replayed_inside_another_delivery_reaches_handlers_once()
    {
        var (host, inbox) = await StartAsync();
        await using var _ = host;

        await PostAsync(host, """{"for_user_id":"9","favorite_events":[{"id":"a"}]}"""u8.ToArray());
        await Poll.UntilAsync(() => inbox.Completed == 1, "the first delivery was processed");
        await PostAsync(host, """{"for_user_id":"9","favorite_events":[{"id":"a"},{"id":"b"}]}"""u8.ToArray());
        await Poll.UntilAsync(() => inbox.Completed == 2, "the replay was processed");

        // The replay carries one new event, so it is stored whole; the worker skips the one already handled.
        Assert.Equal(2, inbox.Appends);
        Assert.Equal(["""{"id":"a"}""", """{"id":"b"}"""], host.Dispatcher<RecordingDispatcher>().Dispatched.Select(d => d.Json));
        Assert.Equal(1, host.Counters.Total("xwebhooks.dedupe.hits;product=account_activity"));
    }

    [Fact]
    public async Task Transient_handler_failure_succeeds_on_retry()
    {
        var (host, inbox) = await StartAsync();
        await using var _ = host;

        await PostAsync(host, Activity("test.fail_once", "5"));

        await Poll.UntilAsync(() => inbox.Completed == 1, "the retry completed the entry");
        Assert.Equal("test.fail_once", Assert.Single(host.Dispatcher<RecordingDispatcher>().Dispatched).EventType);
        Assert.Equal(1, host.Counters.Total("xwebhooks.inbox.retries"));
    }

    [Fact]
    public async Task Handler_that_always_fails_ends_in_the_dead_letter_and_can_be_redriven()
    {
        var (host, inbox) = await StartAsync();
        await using var _ = host;
        host.Dispatcher<RecordingDispatcher>().Broken = true;

        await PostAsync(host, Activity("test.broken", "6"));

        await Poll.UntilAsync(() => inbox.ListDeadLettersAsync(10, default).Result.Count == 1, "the entry was dead-lettered");
        var dead = Assert.Single(await inbox.ListDeadLettersAsync(10, default));
        Assert.Equal(3, dead.Attempts);
        Assert.Equal("System.InvalidOperationException: broken on purpose", dead.Error);
        Assert.Equal(2, host.Counters.Total("xwebhooks.inbox.retries"));
        Assert.Equal(1, host.Counters.Total("xwebhooks.inbox.dead_letters"));
        Assert.Empty(host.Dispatcher<RecordingDispatcher>().Dispatched);

        host.Dispatcher<RecordingDispatcher>().Broken = false;
        Assert.True(await host.Services.GetRequiredService<IXWebhookInbox>().RedriveAsync(dead.Id, default));

        await Poll.UntilAsync(() => inbox.Completed == 1, "the re-driven entry was processed");
        Assert.Equal("test.broken", Assert.Single(host.Dispatcher<RecordingDispatcher>().Dispatched).EventType);
    }

    [Fact]
    public async Task Inline_mode_with_a_dedupe_store_also_dedupes()
    {
        var dedupe = new InMemoryInbox(TimeProvider.System);
        await using var host = await TestReceiver.StartAsync(new() { Dispatcher = new RecordingDispatcher(), Configure = x => x.Services.AddSingleton<IXWebhookDedupe>(dedupe) });
        var body = Activity("post.create", "11");

        await PostAsync(host, body);
        await PostAsync(host, body);

        Assert.Single(host.Dispatcher<RecordingDispatcher>().Dispatched);
        Assert.Equal(1, host.Counters.Total("xwebhooks.dedupe.hits;product=activity"));
    }

    /// <summary>A dedupe store whose first check fails (an unreachable store), then answers from <paramref name="inner"/>.</summary>
    private sealed class FailsFirstCheck(IXWebhookDedupe inner) : IXWebhookDedupe
    {
        private int checks;

        public ValueTask<bool> WasProcessedAsync(string key, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref checks) == 1 ? throw new TimeoutException("the dedupe store is unreachable") : inner.WasProcessedAsync(key, cancellationToken);

        public ValueTask MarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken) => inner.MarkProcessedAsync(key, retention, cancellationToken);
    }
}
