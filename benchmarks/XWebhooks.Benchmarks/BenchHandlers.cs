using XWebhooks.Events.AccountActivity;
using XWebhooks.Events.Activity;
using XWebhooks.Events.Stream;

namespace XWebhooks.Benchmarks;

/// <summary>
/// Static handlers with trivial work, so handler resolution costs nothing and the benchmarks measure the dispatch
/// path. The generator emits <c>XWebhooks.Generated.XWebhooksDispatcher</c> for them; the reflection baseline calls
/// the same methods directly.
/// </summary>
public sealed partial class BenchHandlers
{
    /// <summary>Sum of field lengths the handlers saw (keeps the work observable).</summary>
    public static long Counter;

    /// <summary>The last event a handler saw (used by the correctness check).</summary>
    public static object? LastEvent;

    [XWebhookHandler]
    public static void OnPostCreated(PostCreated e)
    {
        Counter += e.Payload?.Text?.Length ?? 0;
        LastEvent = e;
    }

    [XWebhookHandler]
    public static ValueTask OnFavorite(FavoriteEvent e, XDelivery delivery, CancellationToken cancellationToken)
    {
        Counter += (e.Id?.Length ?? 0) + (delivery.ForUserId?.Length ?? 0);
        LastEvent = e;
        return default;
    }

    [XWebhookHandler]
    public static void OnStreamPost(StreamPost post)
    {
        Counter += post.Data?.Text?.Length ?? 0;
        LastEvent = post;
    }
}
