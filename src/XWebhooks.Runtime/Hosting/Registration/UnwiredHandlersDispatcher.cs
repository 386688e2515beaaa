using XWebhooks.Delivery;

namespace XWebhooks.Hosting;

/// <summary>
/// The last dispatcher of every receiver: routes the kinds that only handlers of an assembly whose registration
/// reached <see cref="XWebhooksGeneratedRegistry"/> after <c>AddXWebhooks</c> ran would take, and fails them, so
/// such a delivery is a 500 (inline) or a retry (inbox) that names the assembly, never a silent 200.
/// </summary>
/// <remarks>
/// Asked only for kinds no wired dispatcher routes. While the registry is unchanged (the normal case: nothing
/// late), that costs one reference comparison.
/// </remarks>
internal sealed class UnwiredHandlersDispatcher(WiredHandlerRegistrations wired) : IXWebhookDispatcher
{
    private const int InnerRouteBits = 20;
    private const int InnerRouteMask = (1 << InnerRouteBits) - 1;

    private Snapshot snapshot = new([], []);

    public int Route(XProduct product, ReadOnlySpan<byte> eventType)
    {
        var current = Current();
        for (var i = 0; i < current.Unwired.Length; i++)
        {
            var route = current.Dispatchers[i].Route(product, eventType);
            if (route >= 0)
            {
                return (i << InnerRouteBits) | (route & InnerRouteMask);
            }
        }

        return -1;
    }

    public ValueTask DispatchAsync(int route, XEventPayload payload, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken)
    {
        var registration = Volatile.Read(ref snapshot).Unwired[route >> InnerRouteBits];
        throw new XWebhookHandlersNotWiredException(
            $"X sent a {payload.Product} '{System.Text.Encoding.UTF8.GetString(payload.EventType.Span)}' event, which handlers in assembly "
            + $"'{registration.AssemblyName}' ({string.Join(", ", registration.HandlerTypes)}) take, but that assembly's handlers were not "
            + "wired by AddXWebhooks: its generated registration arrived after AddXWebhooks ran. Reference the XWebhooks package from the "
            + "project that calls AddXWebhooks, or add .AddHandlers(XWebhooks.Generated." + registration.AssemblyName
            + ".XWebhookHandlers.Registration) after AddXWebhooks.");
    }

    private Snapshot Current()
    {
        var registry = XWebhooksGeneratedRegistry.Registrations;
        var current = Volatile.Read(ref snapshot);
        if (ReferenceEquals(current.Registry, registry))
        {
            return current;
        }

        var unwired = registry.Where(registration => !wired.Contains(registration.AssemblyName)).ToArray();
        var updated = new Snapshot(registry, unwired) { Dispatchers = [.. unwired.Select(static registration => registration.CreateDispatcher())] };
        Volatile.Write(ref snapshot, updated);
        return updated;
    }

    private sealed record Snapshot(XWebhookHandlerRegistration[] Registry, XWebhookHandlerRegistration[] Unwired)
    {
        public IXWebhookDispatcher[] Dispatchers { get; init; } = [];
    }
}
