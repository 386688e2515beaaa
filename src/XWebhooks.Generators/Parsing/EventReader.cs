using Microsoft.CodeAnalysis;
using XWebhooks.Generators.Model;

namespace XWebhooks.Generators.Parsing;

/// <summary>Reads an event type's wire kinds (<c>[XEventType]</c>) and checks it implements <c>IXEvent&lt;itself&gt;</c>.</summary>
internal static class EventReader
{
    public static bool TryRead(ITypeSymbol type, KnownSymbols symbols, out EventModel? model, out string problem)
    {
        model = null;
        problem = string.Empty;
        if (type is not INamedTypeSymbol named || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            problem = "the first parameter of a handler must be an X event model (a class with [XEventType] that implements IXEvent<itself>) or XUnknownEvent";
            return false;
        }

        var kinds = new List<EventKindModel>();
        foreach (var attribute in named.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.EventTypeAttribute)
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is int product
                && attribute.ConstructorArguments[1].Value is string name)
            {
                kinds.Add(new EventKindModel(product, name));
            }
        }

        var implementsEvent = named.AllInterfaces.Any(candidate =>
            SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, symbols.EventInterface)
            && SymbolEqualityComparer.Default.Equals(candidate.TypeArguments[0], named));

        if (kinds.Count == 0 && !implementsEvent)
        {
            problem = "it has no [XEventType] attribute and does not implement IXEvent<" + named.Name + ">; the first parameter must be an X event model or XUnknownEvent";
            return false;
        }

        if (kinds.Count == 0)
        {
            problem = "it has no [XEventType] attribute, so no event kind routes to it";
            return false;
        }

        if (!implementsEvent)
        {
            problem = "it does not implement IXEvent<" + named.Name + ">, so generated code has no JsonTypeInfo to deserialize it";
            return false;
        }

        if (!HandlerParser.IsReachable(named))
        {
            problem = "it is private, protected or file-local; the generated dispatcher cannot name it";
            return false;
        }

        model = new EventModel(named.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), kinds.ToEquatableArray());
        return true;
    }
}
