using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using XWebhooks.Generators.Diagnostics;
using XWebhooks.Generators.Emitting;
using XWebhooks.Generators.Model;
using XWebhooks.Generators.Parsing;

namespace XWebhooks.Generators;

/// <summary>
/// Turns <c>[XWebhookHandler]</c> methods into a reflection-free <c>IXWebhookDispatcher</c>, one partial
/// file of invokers per handler class, and their DI registration: a public per-assembly registration plus a
/// module initializer that also wires the handler assemblies this one references.
/// </summary>
/// <remarks>
/// Pipeline: one <c>ForAttributeWithMetadataName</c> → value-equatable <see cref="HandlerParseResult"/>s
/// → diagnostics (collected, de-duplicated) and valid handlers → <c>Collect()</c> → one
/// <see cref="GenerationModel"/> → the dispatcher file and one file per handler class; that model combined with
/// the referenced assemblies' registrations (read from metadata) → the registration file.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class XWebhooksGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                WellKnownNames.HandlerAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                HandlerParser.Parse)
            .WithTrackingName(TrackingNames.Handlers);

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .Collect()
            .Select(static (all, _) => all.SelectMany(static list => list).Distinct().ToEquatableArray())
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, list) => Report(output, list));

        var model = results
            .Where(static result => result.Handler is not null)
            .Select(static (result, _) => result.Handler!)
            .WithTrackingName(TrackingNames.ValidHandlers)
            .Collect()
            .Select(static (handlers, cancellationToken) => BuildModel(handlers, cancellationToken))
            .WithTrackingName(TrackingNames.GenerationModel);
        context.RegisterSourceOutput(model.Select(static (m, _) => m.Errors), static (output, list) => Report(output, list));

        var dispatcher = model
            .Select(static (m, _) => m.Dispatcher)
            .WithTrackingName(TrackingNames.Dispatcher);
        context.RegisterSourceOutput(dispatcher, static (output, dispatcherModel) =>
        {
            if (dispatcherModel.Routes.Count == 0)
            {
                return;
            }

            Emit(output, DispatcherEmitter.HintName, () => DispatcherEmitter.Emit(dispatcherModel));
        });

        var classes = model
            .SelectMany(static (m, _) => m.Classes.AsImmutableArray())
            .WithTrackingName(TrackingNames.HandlerClasses);
        context.RegisterSourceOutput(classes, static (output, classModel) =>
            Emit(output, classModel.HintName, () => HandlerClassEmitter.Emit(classModel)));

        // Cross-assembly wiring: referenced handler assemblies come from metadata, so a project whose handlers
        // live in class libraries still gets them through AddXWebhooks.
        var referenced = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => (
                AssemblyName: compilation.AssemblyName ?? string.Empty,
                Registrations: ReferencedRegistrationReader.Read(compilation, cancellationToken)))
            .WithTrackingName(TrackingNames.ReferencedRegistrations);
        var registration = model
            .Combine(referenced)
            .Select(static (pair, _) => new RegistrationFileModel(
                pair.Right.AssemblyName,
                pair.Left.Dispatcher.Routes.Count > 0,
                pair.Left.Classes.Select(static c => c.Type.FullyQualifiedName.Replace("global::", string.Empty)).ToEquatableArray(),
                pair.Left.Registrations,
                pair.Right.Registrations))
            .WithTrackingName(TrackingNames.Registration);
        context.RegisterSourceOutput(registration, static (output, registrationModel) =>
        {
            if (!registrationModel.IsEmpty)
            {
                Emit(output, RegistrationEmitter.HintName, () => RegistrationEmitter.Emit(registrationModel));
            }
        });
    }

    private static GenerationModel BuildModel(ImmutableArray<HandlerModel> handlers, CancellationToken cancellationToken)
    {
        try
        {
            return GenerationModelBuilder.Build(handlers, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new GenerationModel(
                new DispatcherModel(EquatableArray<RouteModel>.Empty),
                EquatableArray<HandlerClassModel>.Empty,
                EquatableArray<RegistrationModel>.Empty,
                new EquatableArray<DiagnosticInfo>([InternalErrors.Create(exception, null)]));
        }
    }

    private static void Emit(SourceProductionContext output, string hintName, Func<string> emit)
    {
        string source;
        try
        {
            source = emit();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.ReportDiagnostic(InternalErrors.Create(exception, null).ToDiagnostic());
            return;
        }

        output.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
    }

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
