namespace XWebhooks.Generators.Tests.Infrastructure;

/// <summary>
/// Input programs. The real event models are in the runtime; these stubs implement <c>IXEvent&lt;T&gt;</c>
/// with reflection-based System.Text.Json metadata (<c>JsonSerializerOptions.Default.GetTypeInfo</c>) so
/// the test compilations need no System.Text.Json source generator.
/// </summary>
internal static class TestSources
{
    public const string Events = """
        using System.Text.Json;
        using System.Text.Json.Serialization.Metadata;
        using XWebhooks;
        using XWebhooks.Events;

        namespace Bot.Events
        {
            internal static class StubJson
            {
                public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)JsonSerializerOptions.Default.GetTypeInfo(typeof(T));
            }

            [XEventType(XProduct.Activity, "post.create")]
            public sealed class PostCreated : IXEvent<PostCreated>
            {
                public string? Text { get; set; }
                public static JsonTypeInfo<PostCreated> JsonTypeInfo => StubJson.Info<PostCreated>();
            }

            [XEventType(XProduct.Activity, "like.create")]
            [XEventType(XProduct.Activity, "like.created")]
            public sealed class LikeCreated : IXEvent<LikeCreated>
            {
                public string? Id { get; set; }
                public static JsonTypeInfo<LikeCreated> JsonTypeInfo => StubJson.Info<LikeCreated>();
            }

            [XEventType(XProduct.AccountActivity, "direct_message_events")]
            public sealed class DirectMessageEvent : IXEvent<DirectMessageEvent>
            {
                public string? Id { get; set; }
                public static JsonTypeInfo<DirectMessageEvent> JsonTypeInfo => StubJson.Info<DirectMessageEvent>();
            }

            [XEventType(XProduct.AccountActivity, "favorite_events")]
            public sealed class FavoriteEvent : IXEvent<FavoriteEvent>
            {
                public string? Id { get; set; }
                public static JsonTypeInfo<FavoriteEvent> JsonTypeInfo => StubJson.Info<FavoriteEvent>();
            }

            [XEventType(XProduct.FilteredStream, "post")]
            public sealed class StreamPost : IXEvent<StreamPost>
            {
                public string? Text { get; set; }
                static JsonTypeInfo<StreamPost> IXEvent<StreamPost>.JsonTypeInfo => StubJson.Info<StreamPost>();
            }

            public sealed class NotAnEvent
            {
            }
        }
        """;

    /// <summary>Records handler calls; the tests read <c>Calls.Log</c> by reflection.</summary>
    public const string Support = """
        using System.Collections.Generic;
        using Microsoft.Extensions.DependencyInjection;

        namespace Bot
        {
            public static class Calls
            {
                public static List<string> Log { get; } = new List<string>();
            }

            public sealed class Greeting
            {
                public string Text => "hello";
            }

            public sealed class Unregistered
            {
            }
        }

        public static class Setup
        {
            public static void Configure(IServiceCollection services) => services.AddSingleton(new Bot.Greeting());
        }
        """;

    /// <summary>Instance (DI constructor), private, static, fallback handlers; XDelivery/CancellationToken in several orders; void/Task/ValueTask.</summary>
    public const string BotHandlers = """
        using System.Threading;
        using System.Threading.Tasks;
        using Bot.Events;
        using XWebhooks;
        using XWebhooks.Events;

        namespace Bot
        {
            public partial class BotHandlers(Greeting greeting, Unregistered? optional = null)
            {
                [XWebhookHandler]
                public ValueTask OnPost(PostCreated e, CancellationToken ct)
                {
                    Calls.Log.Add("BotHandlers.OnPost " + e.Text + " " + greeting.Text + " optional=" + (optional is null ? "null" : "set"));
                    return default;
                }

                [XWebhookHandler]
                private Task OnDirectMessage(DirectMessageEvent dm, XDelivery delivery, CancellationToken ct)
                {
                    Calls.Log.Add("BotHandlers.OnDirectMessage " + dm.Id + " for " + delivery.ForUserId);
                    return Task.CompletedTask;
                }

                [XWebhookHandler]
                public static void OnMatchedPost(StreamPost post) => Calls.Log.Add("BotHandlers.OnMatchedPost " + post.Text);

                [XWebhookHandler]
                internal async Task OnPostAgain(PostCreated e, CancellationToken ct, XDelivery delivery)
                {
                    await Task.Yield();
                    Calls.Log.Add("BotHandlers.OnPostAgain " + e.Text + " attempt " + delivery.Attempt);
                }

                [XWebhookHandler]
                public void OnOther(XUnknownEvent e) => Calls.Log.Add("BotHandlers.OnOther " + e.Product + " " + e.EventType + " " + e.Json.Length);
            }
        }
        """;

    /// <summary>A second class (static handlers for a kind BotHandlers also takes) and a nested partial class.</summary>
    public const string AuditHandlers = """
        using System.Threading;
        using System.Threading.Tasks;
        using Bot.Events;
        using XWebhooks;

        namespace Bot
        {
            internal static partial class AuditHandlers
            {
                [XWebhookHandler]
                private static ValueTask AuditPost(PostCreated e, XDelivery delivery)
                {
                    Calls.Log.Add("AuditHandlers.AuditPost " + e.Text);
                    return default;
                }
            }

            public static partial class Outer
            {
                internal partial class Nested
                {
                    [XWebhookHandler]
                    public void OnLike(LikeCreated like, XDelivery delivery, CancellationToken cancellationToken) =>
                        Calls.Log.Add("Outer.Nested.OnLike " + like.Id);

                    [XWebhookHandler]
                    public Task OnLike(LikeCreated like) => Task.CompletedTask;
                }
            }
        }
        """;

    /// <summary>Static handlers only, global namespace, no fallback: no handler class is registered.</summary>
    public const string StaticOnly = """
        using Bot.Events;
        using XWebhooks;

        static partial class GlobalHandlers
        {
            [XWebhookHandler]
            static void OnFavorite(FavoriteEvent e) => Bot.Calls.Log.Add("GlobalHandlers.OnFavorite " + e.Id);
        }
        """;

    public static (string Path, string Source)[] BotFiles =>
    [
        ("/src/Bot/AuditHandlers.cs", AuditHandlers),
        ("/src/Bot/BotHandlers.cs", BotHandlers),
        ("/src/Bot/Events.cs", Events),
        ("/src/Bot/Support.cs", Support),
    ];

    public static (string Path, string Source)[] StaticOnlyFiles =>
    [
        ("/src/Bot/Events.cs", Events),
        ("/src/Bot/GlobalHandlers.cs", StaticOnly),
        ("/src/Bot/Support.cs", Support),
    ];
}
