using System.Net;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Delivery;
using XWebhooks.Testing;

namespace XWebhooks.EndToEnd.Tests;

/// <summary>
/// Signed deliveries of every product, through a real Kestrel on 127.0.0.1, reach the right handlers with the right
/// typed values. Runs once with the generated dispatcher and once with the reflection reference (parity).
/// </summary>
public abstract class DispatchBehaviourTests : IAsyncLifetime
{
    private TestReceiver receiver = null!;

    protected abstract bool UseReflectionReference { get; }

    private Recorder Recorder => receiver.Services.GetRequiredService<Recorder>();

    public async Task InitializeAsync()
    {
#pragma warning disable IL2026 // Test-only reflection dispatcher.
        var reference = UseReflectionReference ? new ReflectionReferenceDispatcher(typeof(TestHandlers).Assembly) : null;
#pragma warning restore IL2026
        receiver = await TestReceiver.StartAsync(new()
        {
            Configure = xwebhooks => xwebhooks.Services.AddSingleton<Recorder>(),
            Dispatcher = reference,
        });
    }

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    private async Task<HttpStatusCode> SendExampleAsync(string example)
    {
        using var response = await receiver.PostAsync(XExamplePayloads.Get(example));
        return response.StatusCode;
    }

    private async Task AssertHandledAsync(string example, params (string Handler, string Values)[] expected)
    {
        Assert.Equal(HttpStatusCode.OK, await SendExampleAsync(example));
        Assert.Equal(expected, Recorder.Calls);
    }

    [Fact]
    public Task Activity_post_create_reaches_its_handler_typed() =>
        AssertHandledAsync("activity/post.create", ("OnPost", "2080761390344937796|2080761390344937796|1111111111111111111|Hello from the Activity API"));

    [Fact]
    public Task Activity_like_create_runs_both_handlers_in_declaration_order() =>
        AssertHandledAsync(
            "activity/like.create",
            ("OnLikeFirst", "2079814480427442556|Activity"),
            ("OnLikeSecond", "3333333333333333333|1784927565236"));

    [Fact]
    public Task Activity_follow_reads_wrapped_users() =>
        AssertHandledAsync("activity/follow.follow", ("OnFollow", "ExampleUser>AnotherUser"));

    [Fact]
    public Task Activity_dm_received_reaches_its_handler() =>
        AssertHandledAsync("activity/dm.received", ("OnDirectMessage", "2222222222222222222|hello!"));

    [Fact]
    public Task Account_activity_tweet_create_gets_for_user_id_from_the_delivery() =>
        AssertHandledAsync("account-activity/tweet_create_events", ("OnTweet", "2244994945|1924465506158878979|furiouscamper"));

    [Fact]
    public Task Account_activity_favorite_reaches_its_handler() =>
        AssertHandledAsync("account-activity/favorite_events", ("OnFavorite", "a7ba59eab0bfcba386f7acedac279542|1924465506158878979"));

    [Theory]
    [InlineData("account-activity/unfollow_events")]
    [InlineData("account-activity/unfollow_events.own-key")]
    public Task Account_activity_unfollow_in_either_documented_form_reaches_the_unfollow_handler(string example) =>
        AssertHandledAsync(example, ("OnUnfollow", "unfollow|furiouscamper>Harris_0ff"));

    [Fact]
    public Task Filtered_stream_post_reaches_its_handler() =>
        AssertHandledAsync("stream/post", ("OnStream", "1346889436626259968|api-posts"));

    [Fact]
    public Task Kind_without_a_handler_reaches_the_fallback() =>
        AssertHandledAsync("activity/profile.update.bio", ("OnUnknown", "Activity|profile.update.bio"));

    [Fact]
    public Task Account_activity_kind_without_a_handler_reaches_the_fallback() =>
        AssertHandledAsync("account-activity/mute_events", ("OnUnknown", "AccountActivity|mute_events"));

    [Fact]
    public async Task Handler_exception_answers_500_so_x_redelivers()
    {
        var body = """{"data":{"event_uuid":"42","event_type":"block.block","payload":{}}}"""u8.ToArray();
        using var response = await receiver.PostAsync(body);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(Recorder.Calls);
    }
}

public sealed class GeneratedDispatcherBehaviourTests : DispatchBehaviourTests
{
    protected override bool UseReflectionReference => false;

    [Fact]
    public void The_generated_dispatcher_is_the_one_registered()
    {
        var services = new ServiceCollection();
        services.AddXWebhooks(o => o.ConsumerSecret = "s");
        using var provider = services.BuildServiceProvider();
        Assert.Contains(provider.GetServices<IXWebhookDispatcher>(), dispatcher => dispatcher.GetType().FullName == "XWebhooks.Generated.XWebhooksDispatcher" && dispatcher.GetType().Assembly == typeof(TestHandlers).Assembly);
    }
}

public sealed class ReflectionReferenceBehaviourTests : DispatchBehaviourTests
{
    protected override bool UseReflectionReference => true;
}
