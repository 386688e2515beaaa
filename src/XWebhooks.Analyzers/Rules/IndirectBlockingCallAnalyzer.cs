using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>
/// XWH101: an <c>[XWebhookHandler]</c> calls a method of this compilation that blocks, up to
/// <see cref="MaxDepth"/> calls deep; reported at compilation end on the handler's call site, with the chain.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IndirectBlockingCallAnalyzer : DiagnosticAnalyzer
{
    /// <summary>How many calls deep XWH101 follows methods of the same compilation.</summary>
    public const int MaxDepth = 3;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.IndirectBlockingCall);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KnownSymbols.For(start.Compilation);
            if (symbols.HandlerAttribute is null || symbols.Task is null)
            {
                return;
            }

            new CallGraph(start.Compilation, symbols).Register(start);
        });
    }

    /// <summary>Which methods of one compilation block and whom they call, collected while the compilation is analysed.</summary>
    private sealed class CallGraph(Compilation compilation, KnownSymbols symbols)
    {
        private readonly BlockingCalls blocking = new(symbols);

        // First blocking operation found in each method body of this compilation (method -> display name).
        private readonly ConcurrentDictionary<IMethodSymbol, string> blockingMethods = new(SymbolEqualityComparer.Default);

        // Calls from each method body to methods declared in this compilation.
        private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<IMethodSymbol>> callees = new(SymbolEqualityComparer.Default);

        // Calls made directly by handlers: (handler, callee, call site).
        private readonly ConcurrentQueue<(IMethodSymbol Handler, IMethodSymbol Callee, Location Location)> handlerCalls = new();

        public void Register(CompilationStartAnalysisContext start)
        {
            start.RegisterOperationBlockStartAction(OnBlockStart);
            start.RegisterCompilationEndAction(OnCompilationEnd);
        }

        private void OnBlockStart(OperationBlockStartAnalysisContext context)
        {
            if (context.OwningSymbol is not IMethodSymbol owner)
            {
                return;
            }

            var method = MethodIdentity.Normalize(owner);
            var isHandler = symbols.IsHandler(method);
            context.RegisterOperationAction(
                operationContext =>
                {
                    var operation = operationContext.Operation;
                    if (blocking.Classify(operation) is { } call)
                    {
                        blockingMethods.TryAdd(method, call.Display);
                    }

                    if (operation is IInvocationOperation invocation && IsInThisCompilation(invocation.TargetMethod))
                    {
                        var callee = MethodIdentity.Normalize(invocation.TargetMethod);
                        callees.GetOrAdd(method, static _ => new ConcurrentQueue<IMethodSymbol>()).Enqueue(callee);
                        if (isHandler)
                        {
                            handlerCalls.Enqueue((method, callee, invocation.Syntax.GetLocation()));
                        }
                    }
                },
                OperationKind.Invocation,
                OperationKind.PropertyReference);
        }

        private void OnCompilationEnd(CompilationAnalysisContext context)
        {
            foreach (var (handler, callee, location) in handlerCalls)
            {
                var chain = FindChain(callee);
                if (chain is null)
                {
                    continue;
                }

                var budget = KnownSymbols.GetBudgetSeconds(context.Options, location.SourceTree);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.IndirectBlockingCall,
                    location,
                    handler.Name,
                    chain,
                    KnownSymbols.Format(budget)));
            }
        }

        /// <summary>Breadth-first: the shortest chain from <paramref name="start"/> to a blocking call, at most <see cref="MaxDepth"/> methods deep.</summary>
        private string? FindChain(IMethodSymbol start)
        {
            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { start };
            var frontier = new List<(IMethodSymbol Method, string Path)> { (start, Name(start)) };
            for (var depth = 1; depth <= MaxDepth && frontier.Count > 0; depth++)
            {
                var next = new List<(IMethodSymbol, string)>();
                foreach (var (method, path) in frontier)
                {
                    if (blockingMethods.TryGetValue(method, out var blocker))
                    {
                        return "'" + path + " -> " + blocker + "'";
                    }

                    if (depth < MaxDepth && callees.TryGetValue(method, out var calls))
                    {
                        foreach (var callee in calls.Where(visited.Add))
                        {
                            next.Add((callee, path + " -> " + Name(callee)));
                        }
                    }
                }

                frontier = next;
            }

            return null;
        }

        private static string Name(IMethodSymbol method) => method.ContainingType.Name + "." + method.Name + "()";

        private bool IsInThisCompilation(IMethodSymbol method) =>
            SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly)
            // Local functions and lambdas are part of their containing method's body already.
            && method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor or MethodKind.ReducedExtension;
    }
}
