using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XWebhooks.Events.AccountActivity;
using XWebhooks.Events.Activity;
using XWebhooks.Events.Stream;
using XWebhooks.Inbox;
using XWebhooks.Tests.Inbox;

namespace XWebhooks.Tests.Drift;

/// <summary>
/// Schema drift (issue 12 part 2): X's documented payloads (tests/fixtures) with one value changed to another JSON
/// type, signed and posted to a real Kestrel. The handler must get the event with that value empty and every other
/// value intact; the drift is counted by path and logged once per event type and path.
/// </summary>
public sealed class DriftTests
{
    private static byte[] Mutate(string fixture, Action<JsonNode> change)
    {
        var body = JsonNode.Parse(Fixtures.Read(fixture))!;
        change(body);
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    private static async Task<T> DeliverAsync<T>(TestReceiver receiver, byte[] body)
    {
        var (status, reason) = await receiver.PostAndReadAsync(body);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {reason} {string.Join(" | ", receiver.Logs.Entries.Where(e => e.Exception is not null).Select(e => e.Exception!.ToString()))}");
        return Assert.IsType<T>(Assert.Single(receiver.Dispatcher<ModelDispatcher>().Handled).Event);
    }

    private static void AssertDriftOnce(TestReceiver receiver, string product, string type, string path)
    {
        Assert.Equal(new Dictionary<string, long> { [$"path={path};product={product};type={type}"] = 1 }, receiver.Drift());
        var warning = Assert.Single(receiver.DriftWarnings());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains($"'{type}'", warning.Message, StringComparison.Ordinal);
        Assert.Contains(path, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_top_level_string_become_object_leaves_it_empty_and_keeps_the_rest()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Mutate("activity/post.create.json", b => b["data"]!["payload"]!["text"] = new JsonObject { ["rich"] = "Hello" });

        var e = await DeliverAsync<PostCreated>(receiver, body);

        Assert.Null(e.Payload!.Text);
        Assert.Equal("2080761390344937796", e.Payload.Id);
        Assert.Equal(["2080761390344937796"], e.Payload.EditHistoryTweetIds!);
        Assert.Equal("1111111111111111111", e.Filter!.UserId);
        Assert.Equal("Hello from the Activity API", e.Includes!.Tweets![0].Text);
        AssertDriftOnce(receiver, "activity", "post.create", "$.payload.text");
    }

    [Fact]
    public async Task Activity_envelope_filter_become_array_leaves_the_filter_empty()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Mutate("activity/post.create.json", b => b["data"]!["filter"] = new JsonArray("1111111111111111111"));

        var e = await DeliverAsync<PostCreated>(receiver, body);

        Assert.Null(e.Filter);
        Assert.Equal("2080761390344937796", e.EventUuid);
        Assert.Equal("post.create", e.EventType);
        Assert.Equal("Hello from the Activity API", e.Payload!.Text);
        AssertDriftOnce(receiver, "activity", "post.create", "$.filter");
    }

    [Fact]
    public async Task Activity_filter_field_become_number_leaves_only_that_field_empty()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Mutate("activity/news.new.json", b => b["data"]!["filter"]!["keyword"] = 42);

        var e = await DeliverAsync<NewsCreated>(receiver, body);

        Assert.NotNull(e.Filter);
        Assert.Null(e.Filter.Keyword);
        Assert.Equal("news.new", e.EventType);
        AssertDriftOnce(receiver, "activity", "news.new", "$.filter.keyword");
    }

    [Fact]
    public async Task Activity_deep_field_in_includes_list_element_is_emptied_in_that_element_only()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Mutate("activity/post.create.json", b => b["data"]!["includes"]!["users"]![0]!["entities"]!["url"]!["urls"]![0]!["start"] = "zero");

        var e = await DeliverAsync<PostCreated>(receiver, body);

        var user = Assert.Single(e.Includes!.Users!);
        var url = Assert.Single(user.Entities!.Url!.Urls!);
        Assert.Null(url.Start);
        Assert.NotNull(url.End);
        Assert.StartsWith("https://", url.Url, StringComparison.Ordinal);
        Assert.Equal(2, user.Entities.Description!.Mentions!.Count);
        Assert.Equal("1111111111111111111", user.Id);
        Assert.NotNull(user.Username);
        AssertDriftOnce(receiver, "activity", "post.create", "$.includes.users[*].entities.url.urls[*].start");
    }

    [Fact]
    public async Task List_element_of_the_wrong_type_is_dropped_from_the_list()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Mutate("activity/post.create.json", b => b["data"]!["payload"]!["edit_history_tweet_ids"] =
            new JsonArray(new JsonObject { ["id"] = "1" }, "2080761390344937796"));

        var e = await DeliverAsync<PostCreated>(receiver, body);

        Assert.Equal(["2080761390344937796"], e.Payload!.EditHistoryTweetIds!);
        Assert.Equal("Hello from the Activity API", e.Payload.Text);
        AssertDriftOnce(receiver, "activity", "post.create", "$.payload.edit_history_tweet_ids[*]");
    }

    [Fact]
    public async Task Account_activity_user_object_field_become_object_leaves_it_empty()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Mutate("account-activity/tweet_create_events.json", b => b["tweet_create_events"]![0]!["user"]!["followers_count"] = new JsonObject { ["value"] = 10 });

        var e = await DeliverAsync<TweetCreateEvent>(receiver, body);

        Assert.Null(e.User!.FollowersCount);
        Assert.NotNull(e.User.ScreenName);
        Assert.NotEqual(0, e.User.Id);
        Assert.NotNull(e.Text);
        AssertDriftOnce(receiver, "account_activity", "tweet_create_events", "$.user.followers_count");
    }

    [Fact]
    public async Task Account_activity_user_become_string_leaves_the_user_empty()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var original = JsonNode.Parse(Fixtures.Read("account-activity/tweet_create_events.json"))!["tweet_create_events"]![0]!;
        var body = Mutate("account-activity/tweet_create_events.json", b => b["tweet_create_events"]![0]!["user"] = "2244994945");

        var e = await DeliverAsync<TweetCreateEvent>(receiver, body);

        Assert.Null(e.User);
        Assert.Equal(original["text"]!.GetValue<string>(), e.Text);
        Assert.Equal(original["entities"]!["urls"]![0]!["url"]!.GetValue<string>(), e.Entities!.Urls![0].Url);
        AssertDriftOnce(receiver, "account_activity", "tweet_create_events", "$.user");
    }

    [Fact]
    public async Task Account_activity_deep_entity_list_become_string_leaves_it_empty()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Mutate("account-activity/favorite_events.json", b => b["favorite_events"]![0]!["favorited_status"]!["entities"]!["urls"]![0]!["indices"] = "0,23");

        var e = await DeliverAsync<FavoriteEvent>(receiver, body);

        var url = Assert.Single(e.FavoritedStatus!.Entities!.Urls!);
        Assert.Null(url.Indices);
        Assert.NotNull(url.ExpandedUrl);
        Assert.NotNull(e.FavoritedStatus.User!.ScreenName);
        Assert.NotNull(e.User!.ScreenName);
        AssertDriftOnce(receiver, "account_activity", "favorite_events", "$.favorited_status.entities.urls[*].indices");
    }

    [Fact]
    public async Task Account_activity_direct_message_text_become_array_leaves_it_empty()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Mutate("account-activity/direct_message_events.json", b => b["direct_message_events"]![0]!["message_create"]!["message_data"]!["text"] = new JsonArray("hi"));

        var e = await DeliverAsync<DirectMessageEvent>(receiver, body);

        Assert.Null(e.MessageCreate!.MessageData!.Text);
        Assert.NotNull(e.Id);
        AssertDriftOnce(receiver, "account_activity", "direct_message_events", "$.message_create.message_data.text");
    }

    [Fact]
    public async Task Filtered_stream_post_text_become_number_leaves_it_empty()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Mutate("stream/post.json", b => b["data"]!["text"] = 12345);

        var e = await DeliverAsync<StreamPost>(receiver, body);

        Assert.Null(e.Data!.Text);
        Assert.NotNull(e.Data.Id);
        Assert.NotNull(e.Includes!.Users![0].Username);
        Assert.NotNull(Assert.Single(e.MatchingRules!).Tag);
        AssertDriftOnce(receiver, "filtered_stream", "post", "$.data.text");
    }

    [Fact]
    public async Task Filtered_stream_list_elements_drift_in_includes_and_matching_rules()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Mutate("stream/post.json", b =>
        {
            b["includes"]!["users"]![0]!["username"] = new JsonArray("a", "b");
            b["matching_rules"]![0]!["tag"] = new JsonObject { ["value"] = "t" };
        });

        var e = await DeliverAsync<StreamPost>(receiver, body);

        var user = Assert.Single(e.Includes!.Users!);
        Assert.Null(user.Username);
        Assert.NotNull(user.Name);
        var rule = Assert.Single(e.MatchingRules!);
        Assert.Null(rule.Tag);
        Assert.NotNull(rule.Id);
        Assert.NotNull(e.Data!.Text);
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["path=$.includes.users[*].username;product=filtered_stream;type=post"] = 1,
                ["path=$.matching_rules[*].tag;product=filtered_stream;type=post"] = 1,
            },
            receiver.Drift());
        Assert.Equal(2, receiver.DriftWarnings().Count);
    }

    [Fact]
    public async Task Drift_is_counted_every_time_and_logged_once_per_type_and_path()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var post = Mutate("activity/post.create.json", b => b["data"]!["payload"]!["lang"] = new JsonArray());
        // The same drifted value under another event type (only the kind changed) is logged again, for that type.
        var reply = Mutate("activity/post.create.json", b =>
        {
            b["data"]!["payload"]!["lang"] = new JsonArray();
            b["data"]!["event_type"] = "post.reply.create";
        });

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await receiver.PostAndReadAsync(post)).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await receiver.PostAndReadAsync(reply)).Status);

        Assert.Equal(4, receiver.Dispatcher<ModelDispatcher>().Handled.Count);
        Assert.Equal(3, receiver.Counters.Total("xwebhooks.events.drift;path=$.payload.lang;product=activity;type=post.create"));
        Assert.Equal(1, receiver.Counters.Total("xwebhooks.events.drift;path=$.payload.lang;product=activity;type=post.reply.create"));
        Assert.Equal(["post.create", "post.reply.create"], receiver.DriftWarnings().Select(w => w.Message.Split('\'')[1]).Order(StringComparer.Ordinal));
        Assert.Equal(4, receiver.Counters.Totals.Where(c => c.Key.StartsWith("xwebhooks.events;outcome=handled;", StringComparison.Ordinal)).Sum(c => c.Value));
    }

    [Fact]
    public async Task Drift_warnings_carry_the_path_never_the_value()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });
        var body = Mutate("activity/post.create.json", b => b["data"]!["payload"]!["text"] = new JsonObject { ["secret"] = "do-not-log-me" });

        await DeliverAsync<PostCreated>(receiver, body);

        Assert.DoesNotContain(receiver.Logs.Entries, e => e.Message.Contains("do-not-log-me", StringComparison.Ordinal) || e.Message.Contains("Hello from", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Event_that_matches_its_model_reports_no_drift()
    {
        await using var receiver = await TestReceiver.StartAsync(new() { Dispatcher = new ModelDispatcher() });

        var e = await DeliverAsync<PostCreated>(receiver, Fixtures.Read("activity/post.create.json"));

        Assert.Equal("Hello from the Activity API", e.Payload!.Text);
        Assert.Empty(receiver.Drift());
        Assert.Empty(receiver.DriftWarnings());
    }

    [Fact]
    public async Task Inbox_worker_handles_a_drifted_event_instead_of_retrying_it()
    {
        var inbox = new InMemoryInbox(TimeProvider.System);
        await using var receiver = await TestReceiver.StartAsync(new()
        {
            Dispatcher = new ModelDispatcher(),
            Configure = x => x.AddInbox(_ => inbox, o =>
            {
                o.MaxAttempts = 2;
                o.InitialRetryDelay = TimeSpan.FromMilliseconds(10);
                o.PollInterval = TimeSpan.FromMilliseconds(10);
            }),
        });
        var body = Mutate("account-activity/tweet_create_events.json", b => b["tweet_create_events"]![0]!["user"]!["screen_name"] = new JsonObject());

        Assert.Equal(HttpStatusCode.OK, (await receiver.PostAndReadAsync(body)).Status);

        await Poll.UntilAsync(() => inbox.Completed != 0, "the inbox worker completed the delivery");

        Assert.Equal(1, inbox.Completed);
        var e = Assert.IsType<TweetCreateEvent>(Assert.Single(receiver.Dispatcher<ModelDispatcher>().Handled).Event);
        Assert.Null(e.User!.ScreenName);
        Assert.NotNull(e.User.Name);
        Assert.Equal(0, receiver.Counters.Total("xwebhooks.inbox.retries"));
        Assert.Equal(0, (await inbox.GetStatsAsync(CancellationToken.None)).DeadLetters);
        Assert.Equal(1, receiver.Counters.Total("xwebhooks.events.drift;path=$.user.screen_name;product=account_activity;type=tweet_create_events"));
    }
}
