namespace XWebhooks.Delivery;

/// <summary>
/// Combines the dispatchers of several assemblies with handlers (each generates its own): the first, in
/// registration order, that routes a kind gets it. Routes are encoded as dispatcher index × 2^24 + inner route.
/// </summary>
/// <remarks>A fallback (<c>XUnknownEvent</c>) handler in one assembly takes every kind that assembly has no handler for,
/// so it hides later assemblies' handlers; keep fallbacks in the last-registered assembly or in one assembly only.</remarks>
internal sealed class CompositeDispatcher(IReadOnlyList<IXWebhookDispatcher> dispatchers) : IXWebhookDispatcher
{
    private const int InnerRouteBits = 24;
    private const int InnerRouteMask = (1 << InnerRouteBits) - 1;

    /// <summary>One dispatcher as it is; several combined. (An app without handlers still has the unwired-handler guard.)</summary>
    public static IXWebhookDispatcher Create(IEnumerable<IXWebhookDispatcher> registered)
    {
        var all = registered.ToArray();
        return all.Length == 1 ? all[0] : new CompositeDispatcher(all);
    }

    public int Route(XProduct product, ReadOnlySpan<byte> eventType)
    {
        for (var i = 0; i < dispatchers.Count; i++)
        {
            var route = dispatchers[i].Route(product, eventType);
            if (route >= 0)
            {
                return (i << InnerRouteBits) | route;
            }
        }

        return -1;
    }

    public ValueTask DispatchAsync(int route, XEventPayload payload, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken) =>
        dispatchers[route >> InnerRouteBits].DispatchAsync(route & InnerRouteMask, payload, delivery, services, cancellationToken);
}
