using XWebhooks.Generators.Model;

namespace XWebhooks.Generators.Emitting;

/// <summary>
/// Emits <c>&lt;Namespace.Class&gt;.XWebhooks.g.cs</c>: a partial declaration of a handler class with one
/// static internal invoker per handler, so the dispatcher can call private handlers and sees one shape
/// (instance, event, delivery, token) → <c>ValueTask</c> whatever the handler's own signature.
/// </summary>
internal static class HandlerClassEmitter
{
    public static string Emit(HandlerClassModel model)
    {
        var writer = new IndentedWriter();
        EmitterHelpers.WriteHeader(writer);
        var type = model.Type;
        if (type.Namespace.Length > 0)
        {
            writer.OpenBlock("namespace " + type.Namespace);
        }

        foreach (var containing in type.Chain)
        {
            writer.OpenBlock(containing.Keyword + " " + EmitterHelpers.Identifier(containing.Name));
        }

        for (var i = 0; i < model.Invokers.Count; i++)
        {
            if (i > 0)
            {
                writer.WriteLine();
            }

            WriteInvoker(writer, type.FullyQualifiedName, model.Invokers[i]);
        }

        foreach (var _ in type.Chain)
        {
            writer.CloseBlock();
        }

        if (type.Namespace.Length > 0)
        {
            writer.CloseBlock();
        }

        return writer.ToString();
    }

    private static void WriteInvoker(IndentedWriter writer, string typeName, InvokerModel invoker)
    {
        writer.WriteLine("/// <summary>Calls <c>" + invoker.MethodName + "</c> for the generated X webhook dispatcher.</summary>");
        writer.WriteLine(EmitterHelpers.NeverBrowsableAttribute);
        writer.WriteLine(EmitterHelpers.GeneratedCodeAttribute);
        var instance = invoker.IsStatic ? string.Empty : typeName + " handler, ";
        writer.WriteLine(
            "internal static " + WellKnownNames.GlobalValueTask + " " + invoker.InvokerName + "(" + instance
            + invoker.EventTypeFullyQualifiedName + " @event, "
            + WellKnownNames.GlobalDelivery + " delivery, "
            + WellKnownNames.GlobalCancellationToken + " cancellationToken)");
        writer.OpenBlock();

        var arguments = string.Join(", ", invoker.Parameters.Select(static parameter => parameter.Kind switch
        {
            ParameterKind.Event => "@event",
            ParameterKind.Delivery => "delivery",
            _ => "cancellationToken",
        }));
        var call = (invoker.IsStatic ? typeName : "handler") + "." + EmitterHelpers.Identifier(invoker.MethodName) + "(" + arguments + ")";
        switch (invoker.Return)
        {
            case ReturnKind.Void:
                writer.WriteLine(call + ";");
                writer.WriteLine("return default;");
                break;
            case ReturnKind.Task:
                writer.WriteLine("return new " + WellKnownNames.GlobalValueTask + "(" + call + ");");
                break;
            default:
                writer.WriteLine("return " + call + ";");
                break;
        }

        writer.CloseBlock();
    }
}
