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
    private Snapshot snapshot = new([], [], []);

    public int Route(XProduct product, ReadOnlySpan<byte> eventType) => Find(Current(), product, eventType) is null ? -1 : 0;

    public ValueTask DispatchAsync(int route, XEventPayload payload, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken)
    {
        var eventType = System.Text.Encoding.UTF8.GetString(payload.EventType.Span);
        var registration = Find(Current(), payload.Product, payload.EventType.Span);
        throw new XWebhookHandlersNotWiredException(
            $"X sent a {payload.Product} '{eventType}' event, which handlers in assembly "
            + $"'{registration?.AssemblyName}' ({string.Join(", ", registration?.HandlerTypes ?? [])}) take, but that assembly's handlers were not "
            + "wired by AddXWebhooks: its generated registration arrived after AddXWebhooks ran. Reference the XWebhooks package from the "
            + "project that calls AddXWebhooks, or add .AddHandlers(XWebhooks.Generated." + registration?.AssemblyName
            + ".XWebhookHandlers.Registration) after AddXWebhooks.");
    }

    private static XWebhookHandlerRegistration? Find(Snapshot current, XProduct product, ReadOnlySpan<byte> eventType)
    {
        for (var i = 0; i < current.Unwired.Length; i++)
        {
            if (current.Dispatchers[i].Route(product, eventType) >= 0)
            {
                return current.Unwired[i];
            }
        }

        return null;
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
        var updated = new Snapshot(registry, unwired, [.. unwired.Select(static registration => registration.CreateDispatcher())]);
        Volatile.Write(ref snapshot, updated);
        return updated;
    }

    private sealed record Snapshot(XWebhookHandlerRegistration[] Registry, XWebhookHandlerRegistration[] Unwired, IXWebhookDispatcher[] Dispatchers);
}
