using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Delivery;
using XWebhooks.Events;

namespace XWebhooks.EndToEnd.Tests;

/// <summary>
/// The simplest possible dispatcher, built with reflection: the reference the generated one must agree with.
/// It finds <see cref="XWebhookHandlerAttribute"/> methods, routes by the first parameter's
/// <see cref="XEventTypeAttribute"/>s and invokes handlers through <see cref="MethodInfo.Invoke(object?, object?[])"/>.
/// </summary>
[RequiresUnreferencedCode("Test-only reflection dispatcher.")]
internal sealed class ReflectionReferenceDispatcher : IXWebhookDispatcher
{
    private readonly List<(Type EventType, List<MethodInfo> Handlers)> routes = [];
    private readonly Dictionary<(XProduct, string), int> kinds = [];
    private readonly int fallback = -1;

    public ReflectionReferenceDispatcher(Assembly assembly)
    {
        var handlers = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<XWebhookHandlerAttribute>() is not null)
            .OrderBy(m => m.MetadataToken);
        foreach (var group in handlers.GroupBy(m => m.GetParameters()[0].ParameterType))
        {
            var route = routes.Count;
            routes.Add((group.Key, [.. group]));
            if (group.Key == typeof(XUnknownEvent))
            {
                fallback = route;
            }

            foreach (var kind in group.Key.GetCustomAttributes<XEventTypeAttribute>())
            {
                kinds[(kind.Product, kind.Name)] = route;
            }
        }
    }

    public int Route(XProduct product, ReadOnlySpan<byte> eventType) =>
        kinds.TryGetValue((product, Encoding.UTF8.GetString(eventType)), out var route) ? route : fallback;

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Test-only.")]
    public async ValueTask DispatchAsync(int route, XEventPayload payload, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken)
    {
        var (eventType, handlers) = routes[route];
        var @event = eventType == typeof(XUnknownEvent)
            ? new XUnknownEvent(payload.Product, Encoding.UTF8.GetString(payload.EventType.Span), payload.Json)
            : JsonSerializer.Deserialize(payload.Json.Span, (JsonTypeInfo)eventType.GetProperty("JsonTypeInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
        foreach (var handler in handlers)
        {
            var target = handler.IsStatic ? null : ActivatorUtilities.CreateInstance(services, handler.DeclaringType!);
            var arguments = handler.GetParameters().Select(p =>
                p.Position == 0 ? @event :
                p.ParameterType == typeof(XDelivery) ? delivery :
                p.ParameterType == typeof(CancellationToken) ? (object)cancellationToken :
                throw new NotSupportedException(p.ToString())).ToArray();
            object? result;
            try
            {
                result = handler.Invoke(target, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }

            switch (result)
            {
                case Task task:
                    await task;
                    break;
                case ValueTask valueTask:
                    await valueTask;
                    break;
            }
        }
    }
}
