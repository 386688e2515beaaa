using System.Text;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Delivery;
using XWebhooks.Hosting;
using XWebhooks.Generators.Tests.Infrastructure;

namespace XWebhooks.Generators.Tests;

/// <summary>The generated dispatcher, compiled, loaded and run: routing, deserialization, handler calls, DI, allocation.</summary>
public sealed class BehaviourTests : IDisposable
{
    private readonly LoadedAssembly bot;
    private readonly ServiceProvider services;
    private readonly IXWebhookDispatcher dispatcher;

    public BehaviourTests()
    {
        var result = GeneratorHarness.Run(TestSources.BotFiles);
        Assert.Empty(result.CompileProblems());
        bot = LoadedAssembly.Load(result.Output);
        services = bot.BuildServices();
        dispatcher = services.GetRequiredService<IXWebhookDispatcher>();
    }

    private List<string> Log => (List<string>)bot.GetStatic("Bot.Calls", "Log")!;

    public void Dispose()
    {
        services.Dispose();
        bot.Dispose();
    }

    [Theory]
    [InlineData(XProduct.Activity, "post.create")]
    [InlineData(XProduct.Activity, "like.create")]
    [InlineData(XProduct.Activity, "like.created")]
    [InlineData(XProduct.AccountActivity, "direct_message_events")]
    [InlineData(XProduct.FilteredStream, "post")]
    public void Route_finds_handled_kinds(XProduct product, string kind)
    {
        var route = dispatcher.Route(product, Encoding.UTF8.GetBytes(kind));

        Assert.InRange(route, 0, 3);
    }

    [Fact]
    public void Route_aliases_share_a_route()
    {
        Assert.Equal(dispatcher.Route(XProduct.Activity, "like.create"u8), dispatcher.Route(XProduct.Activity, "like.created"u8));
    }

    [Theory]
    [InlineData(XProduct.Activity, "follow.follow")]
    [InlineData(XProduct.Activity, "post")] // a kind of another product
    [InlineData(XProduct.Activity, "post.creat")]
    [InlineData(XProduct.Activity, "")]
    [InlineData(XProduct.AccountActivity, "favorite_events")] // an event type nobody handles
    [InlineData(XProduct.Unknown, "")]
    public void Route_sends_unhandled_kinds_to_the_fallback(XProduct product, string kind)
    {
        Assert.Equal(4, dispatcher.Route(product, Encoding.UTF8.GetBytes(kind)));
    }

    [Fact]
    public void Route_without_fallback_returns_minus_one_for_unhandled_kinds()
    {
        var result = GeneratorHarness.Run(TestSources.StaticOnlyFiles);
        using var loaded = LoadedAssembly.Load(result.Output);
        using var provider = loaded.BuildServices();
        var staticDispatcher = provider.GetRequiredService<IXWebhookDispatcher>();

        Assert.Equal(0, staticDispatcher.Route(XProduct.AccountActivity, "favorite_events"u8));
        Assert.Equal(-1, staticDispatcher.Route(XProduct.AccountActivity, "follow_events"u8));
        Assert.Equal(-1, staticDispatcher.Route(XProduct.Activity, "favorite_events"u8));
        Assert.Equal(-1, staticDispatcher.Route(XProduct.Unknown, ""u8));
    }

    [Fact]
    public async Task Dispatch_runs_every_handler_of_a_kind_in_file_then_position_order_with_typed_values()
    {
        await DispatchAsync(XProduct.Activity, "post.create", """{"Text":"hi"}""");

        Assert.Equal(
            [
                "AuditHandlers.AuditPost hi",
                "BotHandlers.OnPost hi hello optional=null",
                "BotHandlers.OnPostAgain hi attempt 2",
            ],
            Log);
    }

    [Fact]
    public async Task Dispatch_passes_delivery_to_private_instance_handlers()
    {
        await DispatchAsync(XProduct.AccountActivity, "direct_message_events", """{"Id":"dm-1"}""");

        Assert.Equal(["BotHandlers.OnDirectMessage dm-1 for user-7"], Log);
    }

    [Fact]
    public async Task Dispatch_calls_static_handlers_and_explicit_JsonTypeInfo_implementations()
    {
        await DispatchAsync(XProduct.FilteredStream, "post", """{"Text":"matched"}""");

        Assert.Equal(["BotHandlers.OnMatchedPost matched"], Log);
    }

    [Fact]
    public async Task Dispatch_calls_nested_class_overloads()
    {
        await DispatchAsync(XProduct.Activity, "like.created", """{"Id":"l1"}""");

        Assert.Equal(["Outer.Nested.OnLike l1"], Log);
    }

    [Fact]
    public async Task Dispatch_gives_the_fallback_an_XUnknownEvent()
    {
        await DispatchAsync(XProduct.Activity, "news.new", """{"a":1}""");

        Assert.Equal(["BotHandlers.OnOther Activity news.new 7"], Log);
    }

    [Fact]
    public async Task Dispatch_of_a_json_null_event_throws_a_clear_exception()
    {
        var exception = await Assert.ThrowsAsync<System.Text.Json.JsonException>(() => DispatchAsync(XProduct.Activity, "post.create", "null"));

        Assert.Contains("post.create", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Bot.Events.PostCreated", exception.Message, StringComparison.Ordinal);
        Assert.Empty(Log);
    }

    [Fact]
    public async Task Dispatch_of_an_unknown_route_throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            await dispatcher.DispatchAsync(99, default, Delivery(XProduct.Activity), services, CancellationToken.None));
    }

    [Fact]
    public void Handler_classes_are_scoped_and_built_by_constructor_injection()
    {
        var type = bot.Assembly.GetType("Bot.BotHandlers", throwOnError: true)!;
        using var scope1 = services.CreateScope();
        using var scope2 = services.CreateScope();

        var first = scope1.ServiceProvider.GetRequiredService(type);
        Assert.Same(first, scope1.ServiceProvider.GetRequiredService(type));
        Assert.NotSame(first, scope2.ServiceProvider.GetRequiredService(type));
    }

    [Fact]
    public void Registration_adds_one_dispatcher_even_when_applied_twice()
    {
        using var loaded = LoadedAssembly.Load(GeneratorHarness.Run(TestSources.BotFiles).Output);
        var registrations = loaded.RunModuleInitializer();
        var collection = new ServiceCollection();
        foreach (var registration in registrations.Concat(registrations))
        {
            WiredHandlerRegistrations.Wire(collection, registration);
        }

        Assert.Single(collection, descriptor => descriptor.ServiceType == typeof(IXWebhookDispatcher));
        Assert.Single(collection, descriptor => descriptor.ServiceType.FullName == "Bot.BotHandlers");
    }

    [Fact]
    public void Route_does_not_allocate()
    {
        var total = 0;
        for (var i = 0; i < 1_000; i++)
        {
            total += Probe(dispatcher);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            total += Probe(dispatcher);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, total);

        static int Probe(IXWebhookDispatcher dispatcher) =>
            dispatcher.Route(XProduct.Activity, "follow.follow"u8)
            + dispatcher.Route(XProduct.Activity, "post.create"u8)
            + dispatcher.Route(XProduct.AccountActivity, "direct_message_events"u8)
            + dispatcher.Route(XProduct.Unknown, default);
    }

    private async Task DispatchAsync(XProduct product, string kind, string json)
    {
        var route = dispatcher.Route(product, Encoding.UTF8.GetBytes(kind));
        Assert.NotEqual(-1, route);
        await using var scope = services.CreateAsyncScope();
        var payload = new XEventPayload(product, Encoding.UTF8.GetBytes(kind), Encoding.UTF8.GetBytes(json));
        await dispatcher.DispatchAsync(route, payload, Delivery(product), scope.ServiceProvider, CancellationToken.None);
    }

    private static XDelivery Delivery(XProduct product) =>
        new(product, Encoding.UTF8.GetBytes("{}"), DateTimeOffset.UnixEpoch, forUserId: "user-7", attempt: 2);
}
