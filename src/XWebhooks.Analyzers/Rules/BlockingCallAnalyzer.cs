using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>
/// XWH100: blocking calls inside <c>[XWebhookHandler]</c> methods (and their lambdas and local functions).
/// XWH101: a handler calls a method of this compilation that blocks, up to three calls deep; reported on
/// the handler's call site with the chain.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallAnalyzer : DiagnosticAnalyzer
{
    /// <summary>How many calls deep XWH101 follows methods of the same compilation.</summary>
    public const int MaxDepth = 3;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.BlockingCall, Descriptors.IndirectBlockingCall);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KnownSymbols.Create(start.Compilation);
            if (symbols.HandlerAttribute is null || symbols.Task is null)
            {
                return;
            }

            new CompilationAnalysis(start.Compilation, symbols).Register(start);
        });
    }

    private sealed class CompilationAnalysis(Compilation compilation, KnownSymbols symbols)
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
            if (context.OwningSymbol is not IMethodSymbol method)
            {
                return;
            }

            method = Normalize(method);
            var isHandler = symbols.IsHandler(method);
            var token = isHandler ? symbols.GetTokenParameter(method) : null;

            context.RegisterOperationAction(
                operationContext =>
                {
                    var operation = operationContext.Operation;
                    if (blocking.Classify(operation) is { } call)
                    {
                        blockingMethods.TryAdd(method, call.Display);
                        if (isHandler)
                        {
                            Report(operationContext, method, token, call);
                        }
                    }

                    if (operation is IInvocationOperation invocation && IsInThisCompilation(invocation.TargetMethod))
                    {
                        var callee = Normalize(invocation.TargetMethod);
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

        private static void Report(OperationAnalysisContext context, IMethodSymbol handler, IParameterSymbol? token, BlockingCall call)
        {
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (call.FixKind is not null)
            {
                properties = properties.Add(BlockingFixKinds.PropertyName, call.FixKind);
                if (token is not null)
                {
                    properties = properties.Add(BlockingFixKinds.TokenPropertyName, token.Name);
                }
            }

            var budget = KnownSymbols.GetBudgetSeconds(context.Options, context.Operation.Syntax.SyntaxTree);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.BlockingCall,
                context.Operation.Syntax.GetLocation(),
                properties,
                call.Display,
                handler.Name,
                KnownSymbols.Format(budget),
                call.Advice));
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

        private static IMethodSymbol Normalize(IMethodSymbol method)
        {
            method = method.PartialImplementationPart ?? method;
            return method.ReducedFrom ?? method.OriginalDefinition;
        }
    }
}
