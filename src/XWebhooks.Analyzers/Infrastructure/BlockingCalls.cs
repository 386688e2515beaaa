using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>
/// The curated list of blocking operations (after vs-threading's CommonInterest and Meziantou's MA0042):
/// task waits, awaiter GetResult, Result, Thread.Sleep, SemaphoreSlim.Wait (not Wait(0)), Monitor.Wait, and
/// synchronous I/O with an async sibling in System.IO, System.Net, System.Data and Process.
/// </summary>
internal sealed class BlockingCalls(KnownSymbols symbols)
{
    private const string AwaitAdvice = "Use 'await' instead.";

    // Sync methods already checked: the async sibling's name, or "" when there is none (the cheap clean case).
    private readonly ConcurrentDictionary<IMethodSymbol, string> asyncSiblings = new(SymbolEqualityComparer.Default);

    public BlockingCall? Classify(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => ClassifyInvocation(invocation),
        IPropertyReferenceOperation property => ClassifyProperty(property),
        _ => null,
    };

    private BlockingCall? ClassifyProperty(IPropertyReferenceOperation operation)
    {
        var property = operation.Property;
        if (property.Name != "Result" || operation.Instance is null)
        {
            return null;
        }

        var type = property.ContainingType.OriginalDefinition;
        if (!KnownSymbols.Is(type, symbols.TaskOfT) && !KnownSymbols.Is(type, symbols.ValueTaskOfT))
        {
            return null;
        }

        if (CompletedTasks.IsKnownCompleted(operation.Instance, operation))
        {
            return null;
        }

        return new BlockingCall(type.Name + ".Result", AwaitAdvice, BlockingFixKinds.AwaitResult);
    }

    private BlockingCall? ClassifyInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return null;
        }

        if (KnownSymbols.Is(type, symbols.Task) || KnownSymbols.Is(type, symbols.TaskOfT))
        {
            switch (method.Name)
            {
                case "Wait":
                    if (invocation.Instance is not null && CompletedTasks.IsKnownCompleted(invocation.Instance, invocation))
                    {
                        return null;
                    }

                    return new BlockingCall("Task.Wait", AwaitAdvice, method.Parameters.Length == 0 ? BlockingFixKinds.AwaitWait : null);
                case "WaitAll":
                    return new BlockingCall("Task.WaitAll", "Use 'await Task.WhenAll(...)' instead.", null);
                case "WaitAny":
                    return new BlockingCall("Task.WaitAny", "Use 'await Task.WhenAny(...)' instead.", null);
            }

            return null;
        }

        if (method.Name == "GetResult" && method.Parameters.Length == 0 && IsAwaiter(type))
        {
            if (invocation.Instance is IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } awaited }
                && CompletedTasks.IsKnownCompleted(awaited, invocation))
            {
                return null;
            }

            var fix = invocation.Instance is IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: not null }
                ? BlockingFixKinds.AwaitGetResult
                : null;
            return new BlockingCall("GetAwaiter().GetResult", AwaitAdvice, fix);
        }

        if (KnownSymbols.Is(type, symbols.Thread) && method.Name == "Sleep")
        {
            return new BlockingCall("Thread.Sleep", "Use 'await Task.Delay(..., cancellationToken)' instead.", BlockingFixKinds.Delay);
        }

        if (KnownSymbols.Is(type, symbols.SemaphoreSlim) && method.Name == "Wait")
        {
            // Wait(0) / Wait(TimeSpan.Zero) only tests the semaphore and never blocks.
            if (invocation.Arguments.Length > 0 && IsZero(invocation.Arguments[0].Value))
            {
                return null;
            }

            return new BlockingCall("SemaphoreSlim.Wait", "Use 'await WaitAsync(cancellationToken)' instead.", null);
        }

        if (KnownSymbols.Is(type, symbols.Monitor) && method.Name == "Wait")
        {
            return new BlockingCall("Monitor.Wait", "Use an async primitive such as SemaphoreSlim.WaitAsync or a Channel instead.", null);
        }

        if (KnownSymbols.Is(type, symbols.Process) && method.Name == "WaitForExit")
        {
            return new BlockingCall("Process.WaitForExit", "Use 'await WaitForExitAsync(cancellationToken)' instead.", null);
        }

        if (!IsIoNamespace(type) || IsInMemoryOrConsole(invocation))
        {
            return null;
        }

        var sibling = asyncSiblings.GetOrAdd(method.OriginalDefinition, FindAsyncSibling);
        return sibling.Length == 0
            ? null
            : new BlockingCall(type.Name + "." + method.Name, "Use 'await " + sibling + "' instead.", null);
    }

    private static bool IsAwaiter(INamedTypeSymbol type)
    {
        // TaskAwaiter(<T>), ValueTaskAwaiter(<T>), ConfiguredTaskAwaitable(<T>).ConfiguredTaskAwaiter, ConfiguredValueTaskAwaitable(<T>).ConfiguredValueTaskAwaiter.
        var ns = type.ContainingNamespace?.ToDisplayString();
        return ns == "System.Runtime.CompilerServices"
            && type.Name.EndsWith("Awaiter", StringComparison.Ordinal)
            && (type.Name.Contains("Task") || type.ContainingType?.Name.Contains("Task") == true);
    }

    private static bool IsZero(IOperation value)
    {
        if (value.ConstantValue is { HasValue: true, Value: int i })
        {
            return i == 0;
        }

        return value is IFieldReferenceOperation { Field.Name: "Zero", Field.ContainingType.Name: "TimeSpan" };
    }

    private bool IsIoNamespace(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return ns == "System.IO"
            || ns.StartsWith("System.Net", StringComparison.Ordinal)
            || ns.StartsWith("System.Data", StringComparison.Ordinal)
            || KnownSymbols.Is(type, symbols.Process);
    }

    private bool IsInMemoryOrConsole(IInvocationOperation invocation)
    {
        var instance = invocation.Instance;
        while (instance is IConversionOperation conversion)
        {
            instance = conversion.Operand;
        }

        if (instance is null)
        {
            return false;
        }

        if (instance is IPropertyReferenceOperation property && KnownSymbols.Is(property.Property.ContainingType, symbols.Console))
        {
            return true;
        }

        for (var type = instance.Type as INamedTypeSymbol; type is not null; type = type.BaseType)
        {
            if (symbols.InMemoryStreams.Any(t => KnownSymbols.Is(type, t)))
            {
                return true;
            }
        }

        return false;
    }

    private string FindAsyncSibling(IMethodSymbol method)
    {
        if (method.Name.EndsWith("Async", StringComparison.Ordinal) || method.Name is "Dispose" or "Close" || symbols.IsAwaitable(method.ReturnType))
        {
            return string.Empty;
        }

        var name = method.Name + "Async";
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            foreach (var candidate in type.GetMembers(name).OfType<IMethodSymbol>())
            {
                if (candidate.IsStatic == method.IsStatic
                    && candidate.DeclaredAccessibility == Accessibility.Public
                    && symbols.IsAwaitable(candidate.ReturnType)
                    && !symbols.IsObsolete(candidate)
                    && CoversParameters(method, candidate))
                {
                    return (method.IsStatic ? method.ContainingType.Name + "." : string.Empty) + name;
                }
            }
        }

        return string.Empty;
    }

    /// <summary>True when every sync parameter has a same-typed (or Span to Memory) async parameter, in order.</summary>
    private bool CoversParameters(IMethodSymbol sync, IMethodSymbol async)
    {
        var asyncParameters = async.Parameters.Where(p => !KnownSymbols.Is(p.Type, symbols.CancellationToken)).ToArray();
        var j = 0;
        foreach (var parameter in sync.Parameters)
        {
            while (j < asyncParameters.Length && !Corresponds(parameter.Type, asyncParameters[j].Type))
            {
                j++;
            }

            if (j == asyncParameters.Length)
            {
                return false;
            }

            j++;
        }

        return true;
    }

    private static bool Corresponds(ITypeSymbol sync, ITypeSymbol async)
    {
        if (SymbolEqualityComparer.Default.Equals(sync, async))
        {
            return true;
        }

        if (sync is INamedTypeSymbol { IsGenericType: true } s && async is INamedTypeSymbol { IsGenericType: true } a
            && SymbolEqualityComparer.Default.Equals(s.TypeArguments[0], a.TypeArguments[0]))
        {
            return (s.Name, a.Name) is ("Span", "Memory") or ("ReadOnlySpan", "ReadOnlyMemory");
        }

        return false;
    }
}
