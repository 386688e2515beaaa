using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using XWebhooks.Generators.Diagnostics;
using XWebhooks.Generators.Model;

namespace XWebhooks.Generators.Parsing;

/// <summary>
/// Turns one <c>[XWebhookHandler]</c> method into a <see cref="HandlerParseResult"/>: symbols are read
/// here and only strings, enums and equatable arrays leave.
/// </summary>
internal static class HandlerParser
{
    public static HandlerParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return ParseCore(context, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var location = context.TargetNode is MethodDeclarationSyntax method ? method.Identifier.GetLocation() : context.TargetNode.GetLocation();
            return new HandlerParseResult(null, new EquatableArray<DiagnosticInfo>([InternalErrors.Create(exception, location)]));
        }
    }

    private static HandlerParseResult ParseCore(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.TargetNode is not MethodDeclarationSyntax syntax)
        {
            return new HandlerParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var symbols = KnownSymbols.For(context.SemanticModel.Compilation);
        if (!symbols.IsComplete)
        {
            // The compilation does not reference the XWebhooks runtime; the compiler already reports the attribute.
            return new HandlerParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>();
        var declaringType = method.ContainingType;
        var typeSyntax = syntax.Parent as TypeDeclarationSyntax;
        var typeLocation = typeSyntax?.Identifier.GetLocation() ?? syntax.Identifier.GetLocation();

        CheckPartial(syntax, method, diagnostics);
        CheckHandlerType(declaringType, typeLocation, diagnostics);

        cancellationToken.ThrowIfCancellationRequested();
        var methodOk = TryReadSignature(method, syntax, symbols, diagnostics, out var returnKind, out var parameters, out var eventModel, out var compilerWillReport);

        EquatableArray<ConstructorParameterModel>? constructor = null;
        if (!method.IsStatic)
        {
            constructor = ConstructorReader.Read(declaringType, out var problem);
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoUsableConstructor, typeLocation, Display(declaringType), problem));
            }
        }

        if (diagnostics.Count > 0 || !methodOk || compilerWillReport)
        {
            return new HandlerParseResult(null, diagnostics.ToEquatableArray());
        }

        var handler = new HandlerModel(
            ReadType(declaringType, constructor),
            method.Name,
            method.IsStatic,
            eventModel,
            parameters,
            returnKind,
            syntax.SyntaxTree.FilePath,
            OrderPath(syntax));
        return new HandlerParseResult(handler, EquatableArray<DiagnosticInfo>.Empty);
    }

    private static void CheckPartial(MethodDeclarationSyntax syntax, IMethodSymbol method, List<DiagnosticInfo> diagnostics)
    {
        INamedTypeSymbol? type = method.ContainingType;
        for (var node = syntax.Parent; node is TypeDeclarationSyntax declaration && type is not null; node = node.Parent, type = type.ContainingType)
        {
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotPartial, declaration.Identifier.GetLocation(), Display(type)));
            }
        }
    }

    private static void CheckHandlerType(INamedTypeSymbol type, Location location, List<DiagnosticInfo> diagnostics)
    {
        string? problem = null;
        if (type.TypeKind != TypeKind.Class)
        {
            problem = "handlers must be declared in a class";
        }
        else
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                var self = SymbolEqualityComparer.Default.Equals(current, type);
                var subject = self ? "it" : "its containing type '" + Display(current) + "'";
                if (current.TypeParameters.Length > 0)
                {
                    problem = subject + " is generic; the dispatcher cannot choose type arguments";
                    break;
                }

                if (!IsReachable(current))
                {
                    problem = subject + " is private, protected or file-local; make it internal or public so the generated dispatcher can reach it";
                    break;
                }
            }
        }

        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedHandlerType, location, Display(type), problem));
        }
    }

    private static bool TryReadSignature(
        IMethodSymbol method,
        MethodDeclarationSyntax syntax,
        KnownSymbols symbols,
        List<DiagnosticInfo> diagnostics,
        out ReturnKind returnKind,
        out EquatableArray<ParameterModel> parameters,
        out EventModel? eventModel,
        out bool compilerWillReport)
    {
        var ok = true;
        var name = method.Name;
        returnKind = ReturnKind.Void;
        parameters = EquatableArray<ParameterModel>.Empty;
        eventModel = null;
        compilerWillReport = false;

        void Unsupported(Location location, string problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, location, name, problem));
            ok = false;
        }

        if (method.MethodKind != MethodKind.Ordinary)
        {
            Unsupported(syntax.Identifier.GetLocation(), "it must be an ordinary method (not an explicit interface implementation)");
        }

        if (method.IsGenericMethod)
        {
            Unsupported(syntax.TypeParameterList?.GetLocation() ?? syntax.Identifier.GetLocation(), "it must not be generic");
        }

        if (method.ReturnsVoid)
        {
            returnKind = ReturnKind.Void;
        }
        else if (!method.ReturnsByRef && !method.ReturnsByRefReadonly && SymbolEqualityComparer.Default.Equals(method.ReturnType, symbols.Task))
        {
            returnKind = ReturnKind.Task;
        }
        else if (!method.ReturnsByRef && !method.ReturnsByRefReadonly && SymbolEqualityComparer.Default.Equals(method.ReturnType, symbols.ValueTask))
        {
            returnKind = ReturnKind.ValueTask;
        }
        else if (method.ReturnType.TypeKind == TypeKind.Error)
        {
            compilerWillReport = true;
        }
        else
        {
            Unsupported(syntax.ReturnType.GetLocation(), "it returns '" + method.ReturnType.ToDisplayString() + "'; return void, Task or ValueTask");
        }

        if (method.Parameters.Length == 0)
        {
            Unsupported(syntax.ParameterList.GetLocation(), "it has no parameters; the first parameter must be the X event it handles");
            return false;
        }

        var kinds = new ParameterKind[method.Parameters.Length];
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            var parameterSyntax = i < syntax.ParameterList.Parameters.Count ? syntax.ParameterList.Parameters[i] : null;
            var parameterLocation = parameterSyntax?.GetLocation() ?? syntax.Identifier.GetLocation();
            if (parameter.Type.TypeKind == TypeKind.Error)
            {
                compilerWillReport = true;
                continue;
            }

            if (parameter.RefKind != RefKind.None)
            {
                Unsupported(parameterLocation, "parameter '" + parameter.Name + "' is passed by reference (ref, out, in); take it by value");
                continue;
            }

            if (parameter.IsParams)
            {
                Unsupported(parameterLocation, "parameter '" + parameter.Name + "' is a params parameter");
                continue;
            }

            if (i == 0)
            {
                kinds[i] = ParameterKind.Event;
                var typeLocation = parameterSyntax?.Type?.GetLocation() ?? parameterLocation;
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.UnknownEvent))
                {
                    eventModel = null;
                }
                else if (!EventReader.TryRead(parameter.Type, symbols, out eventModel, out var problem))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAnEventType, typeLocation, parameter.Type.ToDisplayString(), problem));
                    ok = false;
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.Delivery))
            {
                kinds[i] = ParameterKind.Delivery;
            }
            else if (SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.CancellationToken))
            {
                kinds[i] = ParameterKind.CancellationToken;
            }
            else
            {
                Unsupported(
                    parameterLocation,
                    "parameter '" + parameter.Name + "' of type '" + parameter.Type.ToDisplayString() + "' is not supported; after the event only XDelivery and CancellationToken may follow");
            }
        }

        parameters = new EquatableArray<ParameterModel>(kinds.Select(static kind => new ParameterModel(kind)));
        return ok;
    }

    private static HandlerTypeModel ReadType(INamedTypeSymbol type, EquatableArray<ConstructorParameterModel>? constructor)
    {
        var chain = new List<ContainingTypeModel>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            chain.Add(new ContainingTypeModel(Keyword(current), current.Name));
        }

        chain.Reverse();
        var fullyQualified = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing
            ? StripGlobal(containing.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            : string.Empty;
        return new HandlerTypeModel(fullyQualified, StripGlobal(fullyQualified), ns, chain.ToEquatableArray(), constructor);
    }

    private static string Keyword(INamedTypeSymbol type)
    {
        var keyword = type.TypeKind switch
        {
            TypeKind.Struct when type.IsRecord => "partial record struct",
            TypeKind.Struct => "partial struct",
            TypeKind.Interface => "partial interface",
            _ when type.IsRecord => "partial record",
            _ => "partial class",
        };

        if (type.IsStatic)
        {
            keyword = "static " + keyword;
        }

        if (type.IsRefLikeType)
        {
            keyword = "ref " + keyword;
        }

        if (type.TypeKind == TypeKind.Struct && type.IsReadOnly)
        {
            keyword = "readonly " + keyword;
        }

        return keyword;
    }

    private static EquatableArray<int> OrderPath(SyntaxNode node)
    {
        var path = new List<int>();
        for (var current = node; current.Parent is { } parent; current = parent)
        {
            var index = 0;
            foreach (var sibling in parent.ChildNodes())
            {
                if (sibling == current)
                {
                    break;
                }

                index++;
            }

            path.Add(index);
        }

        path.Reverse();
        return path.ToEquatableArray();
    }

    /// <summary>True when generated code elsewhere in the assembly can name the type.</summary>
    internal static bool IsReachable(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                return false;
            }

            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    internal static string Display(ITypeSymbol type) => type.ToDisplayString();

    private static string StripGlobal(string name) =>
        name.StartsWith("global::", StringComparison.Ordinal) ? name.Substring("global::".Length) : name;
}
