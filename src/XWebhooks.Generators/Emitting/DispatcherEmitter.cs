using System.Globalization;
using System.Text;
using XWebhooks.Generators.Model;

namespace XWebhooks.Generators.Emitting;

/// <summary>
/// Emits <c>XWebhooksDispatcher.g.cs</c>: the assembly's <c>IXWebhookDispatcher</c> (UTF-8 literal
/// routing, deserialization through each event's <c>JsonTypeInfo</c> tolerant of schema drift, handler calls). Its
/// DI registration is <see cref="RegistrationEmitter"/>'s file.
/// </summary>
internal static class DispatcherEmitter
{
    public const string HintName = "XWebhooksDispatcher.g.cs";

    private const string DispatcherType = "global::XWebhooks.Generated.XWebhooksDispatcher";

    private const string Payload = "global::XWebhooks.Delivery.XEventPayload";
    private const string DispatchParameters =
        Payload + " payload, " + WellKnownNames.GlobalDelivery + " delivery, " + WellKnownNames.GlobalServiceProvider
        + " services, " + WellKnownNames.GlobalCancellationToken + " cancellationToken";

    public static string Emit(DispatcherModel model)
    {
        var writer = new IndentedWriter();
        EmitterHelpers.WriteHeader(writer);
        writer.OpenBlock("namespace XWebhooks.Generated");

        writer.WriteLine("/// <summary>Routes X webhook events to this assembly's <c>[XWebhookHandler]</c> methods, without reflection.</summary>");
        writer.WriteLine(EmitterHelpers.NeverBrowsableAttribute);
        writer.WriteLine(EmitterHelpers.GeneratedCodeAttribute);
        writer.OpenBlock("internal sealed class XWebhooksDispatcher : global::XWebhooks.Delivery.IXWebhookDispatcher");
        WriteRouteComments(writer, model);
        WriteRoute(writer, model);
        writer.WriteLine();
        WriteDispatch(writer, model);
        foreach (var route in model.Routes.Where(static route => route.Calls.Count > 1))
        {
            writer.WriteLine();
            WriteRouteAsync(writer, route);
        }

        writer.WriteLine();
        WriteHelpers(writer, model);
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static void WriteRouteComments(IndentedWriter writer, DispatcherModel model)
    {
        foreach (var route in model.Routes)
        {
            var kinds = route.EventTypeFullyQualifiedName is null
                ? "every kind no other route takes"
                : string.Join(", ", route.Kinds.Select(static kind => ProductName(kind.Product) + " \"" + kind.Name + "\""));
            writer.WriteLine("// Route " + Number(route.Index) + ": " + (route.EventTypeFullyQualifiedName ?? WellKnownNames.GlobalUnknownEvent) + " <- " + kinds);
        }

        writer.WriteLine();
    }

    private static void WriteRoute(IndentedWriter writer, DispatcherModel model)
    {
        writer.WriteLine("/// <inheritdoc />");
        writer.OpenBlock("public int Route(" + WellKnownNames.GlobalProduct + " product, global::System.ReadOnlySpan<byte> eventType)");
        var byProduct = model.Routes
            .SelectMany(static route => route.Kinds.Select(kind => (Kind: kind, route.Index)))
            .GroupBy(static entry => entry.Kind.Product)
            .OrderBy(static group => group.Key)
            .ToList();
        if (byProduct.Count > 0)
        {
            writer.OpenBlock("switch (product)");
            foreach (var product in byProduct)
            {
                writer.WriteLine("case " + EmitterHelpers.Product(product.Key) + ":");
                writer.Indent();
                writer.OpenBlock("switch (eventType.Length)");
                foreach (var length in product
                             .GroupBy(static entry => Encoding.UTF8.GetByteCount(entry.Kind.Name))
                             .OrderBy(static group => group.Key))
                {
                    writer.WriteLine("case " + Number(length.Key) + ":");
                    writer.Indent();
                    foreach (var entry in length.OrderBy(static entry => entry.Kind.Name, StringComparer.Ordinal))
                    {
                        writer.OpenBlock("if (global::System.MemoryExtensions.SequenceEqual(eventType, " + EmitterHelpers.Utf8Literal(entry.Kind.Name) + "))");
                        writer.WriteLine("return " + Number(entry.Index) + ";");
                        writer.CloseBlock();
                        writer.WriteLine();
                    }

                    writer.WriteLine("break;");
                    writer.Outdent();
                }

                writer.CloseBlock();
                writer.WriteLine();
                writer.WriteLine("break;");
                writer.Outdent();
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        var fallback = model.Fallback;
        writer.WriteLine(fallback is null
            ? "return -1;"
            : "return " + Number(fallback.Index) + "; // XUnknownEvent fallback");
        writer.CloseBlock();
    }

    private static void WriteDispatch(IndentedWriter writer, DispatcherModel model)
    {
        writer.WriteLine("/// <inheritdoc />");
        writer.OpenBlock("public " + WellKnownNames.GlobalValueTask + " DispatchAsync(int route, " + DispatchParameters + ")");
        writer.OpenBlock("switch (route)");
        foreach (var route in model.Routes)
        {
            writer.WriteLine("case " + Number(route.Index) + ":");
            writer.Indent();
            if (route.Calls.Count == 1)
            {
                writer.WriteLine("return " + Call(route.Calls[0], EventExpression(route)) + ";");
            }
            else
            {
                writer.WriteLine("return Route" + Number(route.Index) + "Async(payload, delivery, services, cancellationToken);");
            }

            writer.Outdent();
        }

        writer.WriteLine("default:");
        writer.Indent();
        writer.WriteLine("throw new global::System.ArgumentOutOfRangeException(nameof(route), route, \"Not a route of this dispatcher; pass a value Route returned.\");");
        writer.Outdent();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void WriteRouteAsync(IndentedWriter writer, RouteModel route)
    {
        writer.OpenBlock("private static async " + WellKnownNames.GlobalValueTask + " Route" + Number(route.Index) + "Async(" + DispatchParameters + ")");
        writer.WriteLine("var @event = " + EventExpression(route) + ";");
        foreach (var call in route.Calls)
        {
            writer.WriteLine("await " + Call(call, "@event") + ".ConfigureAwait(false);");
        }

        writer.CloseBlock();
    }

    private static void WriteHelpers(IndentedWriter writer, DispatcherModel model)
    {
        // Strict read first; on a JsonException the runtime retries with the drifted values left empty (schema drift).
        writer.WriteLine("private static T Deserialize<T>(" + Payload + " payload, " + WellKnownNames.GlobalServiceProvider + " services) where T : global::XWebhooks.Events.IXEvent<T> =>");
        writer.Indent();
        writer.WriteLine("global::XWebhooks.Delivery.LenientEventReader.Read<T>(payload, services);");
        writer.Outdent();

        if (model.Fallback is not null)
        {
            writer.WriteLine();
            writer.WriteLine("private static " + WellKnownNames.GlobalUnknownEvent + " Unknown(" + Payload + " payload) =>");
            writer.Indent();
            writer.WriteLine("new " + WellKnownNames.GlobalUnknownEvent + "(payload.Product, global::System.Text.Encoding.UTF8.GetString(payload.EventType.Span), payload.Json);");
            writer.Outdent();
        }

        if (model.Routes.Any(static route => route.Calls.Any(static call => !call.IsStatic)))
        {
            writer.WriteLine();
            writer.WriteLine("private static T Handler<T>(" + WellKnownNames.GlobalServiceProvider + " services) where T : notnull =>");
            writer.Indent();
            writer.WriteLine(WellKnownNames.GlobalServiceProviderExtensions + ".GetRequiredService<T>(services);");
            writer.Outdent();
        }
    }

    private static string EventExpression(RouteModel route) =>
        route.EventTypeFullyQualifiedName is null ? "Unknown(payload)" : "Deserialize<" + route.EventTypeFullyQualifiedName + ">(payload, services)";

    private static string Call(HandlerCallModel call, string eventExpression)
    {
        var instance = call.IsStatic ? string.Empty : "Handler<" + call.TypeFullyQualifiedName + ">(services), ";
        return call.TypeFullyQualifiedName + "." + call.InvokerName + "(" + instance + eventExpression + ", delivery, cancellationToken)";
    }

    private static string ProductName(int product) => product switch
    {
        1 => "Activity",
        2 => "AccountActivity",
        3 => "FilteredStream",
        0 => "Unknown",
        _ => Number(product),
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
