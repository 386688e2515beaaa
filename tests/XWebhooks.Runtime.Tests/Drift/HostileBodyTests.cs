using System.Net;
using System.Text;
using XWebhooks.Events.AccountActivity;
using XWebhooks.Events.Activity;

namespace XWebhooks.Tests.Drift;

/// <summary>
/// Hostile bytes inside verified bodies, one kind at a time, through a real Kestrel: the envelope answers 400 with a
/// reason when it cannot be read or routed, and bytes inside an event are drift, so the event still reaches its handler.
/// </summary>
public sealed class HostileBodyTests
{
    private static readonly byte[] PostCreate = Fixtures.Read("activity/post.create.json");

    /// <summary>The documented body with <paramref name="bytes"/> inserted just after the first occurrence of <paramref name="after"/>.</summary>
    private static byte[] Insert(byte[] body, string after, params byte[] bytes)
    {
        var marker = Encoding.UTF8.GetBytes(after);
        var at = body.AsSpan().IndexOf(marker);
        Assert.True(at >= 0, after);
        at += marker.Length;
        return [.. body[..at], .. bytes, .. body[at..]];
    }

    private static async Task<string> AssertRefusedAsync(TestReceiver receiver, byte[] body)
    {
        var (status, reason) = await receiver.PostAndReadAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(reason);
        Assert.Empty(receiver.Dispatcher<ModelDispatcher>().Handled);
        Assert.DoesNotContain(receiver.Logs.Entries, e => e.Exception is not null);
        return reason;
    }

    private static async Task<T> AssertHandledAsync<T>(TestReceiver receiver, byte[] body)
    {
        var (status, reason) = await receiver.PostAndReadAsync(body);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {reason}");
        Assert.DoesNotContain(receiver.Logs.Entries, e => e.Exception is not null);
        return Assert.IsType<T>(Assert.Single(receiver.Dispatcher<ModelDispatcher>().Handled).Event);
    }

    [Fact]
    public async Task Invalid_utf8_in_for_user_id_is_a_400_naming_the_problem()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Insert(Fixtures.Read("account-activity/favorite_events.json"), "\"for_user_id\": \"", 0xFF, 0xFE);

        var reason = await AssertRefusedAsync(receiver, body);

        Assert.Contains("UTF-8", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_string_of_the_event_is_drift_and_the_event_is_handled()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Insert(PostCreate, "\"text\": \"Hello", 0xC0, 0x80);

        var e = await AssertHandledAsync<PostCreated>(receiver, body);

        Assert.Null(e.Payload!.Text);
        Assert.Equal("2080761390344937796", e.Payload.Id);
        Assert.Equal(1, receiver.Counters.Total("xwebhooks.events.drift;path=$.payload.text;product=activity;type=post.create"));
    }

    [Fact]
    public async Task Invalid_utf8_in_a_property_name_of_an_account_activity_event_is_skipped()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Insert(Fixtures.Read("account-activity/favorite_events.json"), "\"favorite_events\": [\n    {\n      ", [.. "\"x"u8, 0xFF, .. "\": 1,"u8]);

        var e = await AssertHandledAsync<FavoriteEvent>(receiver, body);

        Assert.NotNull(e.Id);
        Assert.NotNull(e.FavoritedStatus);
    }

    [Fact]
    public async Task A_badly_escaped_name_at_the_top_of_the_body_is_an_unknown_name()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Insert(PostCreate, "{", [.. @"""\udc00"": 1,"u8]);

        var e = await AssertHandledAsync<PostCreated>(receiver, body);

        Assert.Equal("Hello from the Activity API", e.Payload!.Text);
    }

    [Fact]
    public async Task A_badly_escaped_event_type_cannot_be_routed_and_is_a_400()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(PostCreate).Replace("\"post.create\"", @"""post\udc00""", StringComparison.Ordinal));

        var reason = await AssertRefusedAsync(receiver, body);

        Assert.Contains("UTF-8", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leading_byte_order_mark_is_skipped()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });

        var e = await AssertHandledAsync<PostCreated>(receiver, [0xEF, 0xBB, 0xBF, .. PostCreate]);

        Assert.Equal("Hello from the Activity API", e.Payload!.Text);
    }

    [Fact]
    public async Task Nesting_deeper_than_the_limit_is_a_400_and_up_to_it_is_read()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        string Nested(int depth) => new string('[', depth) + new string(']', depth);

        // The body's own object and "data" take two levels.
        var tooDeep = Insert(PostCreate, "\"data\": {", Encoding.UTF8.GetBytes($"\"extra\": {Nested(63)},"));
        var deepest = Insert(PostCreate, "\"data\": {", Encoding.UTF8.GetBytes($"\"extra\": {Nested(62)},"));

        var reason = await AssertRefusedAsync(receiver, tooDeep);
        var e = await AssertHandledAsync<PostCreated>(receiver, deepest);

        Assert.Contains("depth", reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Hello from the Activity API", e.Payload!.Text);
    }

    [Theory]
    [InlineData(2)] // the closing brace and the final newline
    [InlineData(100)]
    [InlineData(1000)]
    public async Task A_truncated_body_is_a_400(int cut)
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });

        await AssertRefusedAsync(receiver, PostCreate[..^cut]);
    }

    [Fact]
    public async Task Duplicate_keys_read_the_last_value_like_the_serializer()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Insert(PostCreate, "\"payload\": {", [.. "\"text\": \"first\","u8]);

        var e = await AssertHandledAsync<PostCreated>(receiver, body);

        Assert.Equal("Hello from the Activity API", e.Payload!.Text);
    }

    [Fact]
    public async Task A_huge_number_where_a_count_is_expected_is_drift()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(PostCreate).Replace("\"edits_remaining\": 5", "\"edits_remaining\": 1e999999", StringComparison.Ordinal));

        var e = await AssertHandledAsync<PostCreated>(receiver, body);

        Assert.Null(e.Payload!.EditControls!.EditsRemaining);
        Assert.True(e.Payload.EditControls.IsEditEligible);
        Assert.Equal(1, receiver.Counters.Total("xwebhooks.events.drift;path=$.payload.edit_controls.edits_remaining;product=activity;type=post.create"));
    }
}
