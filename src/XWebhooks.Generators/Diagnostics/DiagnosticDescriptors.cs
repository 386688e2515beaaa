using Microsoft.CodeAnalysis;
using XWebhooks.Shared;

namespace XWebhooks.Generators.Diagnostics;

/// <summary>
/// The generator's diagnostics. Each means "this handler cannot be generated"; style and reliability
/// advice belongs to XWebhooks.Analyzers. IDs are fixed here (never derived from declaration order).
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "XWebhooks.Generator";

    public static readonly DiagnosticDescriptor TypeNotPartial = Create(
        "XWH001",
        "X webhook handler type must be partial",
        "Type '{0}' contains X webhook handlers and must be declared partial (so must every type that contains it)");

    public static readonly DiagnosticDescriptor UnsupportedSignature = Create(
        "XWH002",
        "Unsupported X webhook handler signature",
        "X webhook handler '{0}' cannot be generated: {1}");

    public static readonly DiagnosticDescriptor NotAnEventType = Create(
        "XWH003",
        "First parameter of an X webhook handler is not an X event",
        "'{0}' is not an X event type: {1}");

    public static readonly DiagnosticDescriptor NoUsableConstructor = Create(
        "XWH004",
        "X webhook handler class has no usable constructor",
        "'{0}' has instance X webhook handlers, but generated code cannot create it: {1}");

    public static readonly DiagnosticDescriptor UnsupportedHandlerType = Create(
        "XWH005",
        "X webhook handlers cannot be declared in this type",
        "'{0}' cannot declare X webhook handlers: {1}");

    public static readonly DiagnosticDescriptor InternalError = Create(
        "XWH006",
        "Internal error in the XWebhooks generator",
        "The XWebhooks generator failed ({0}: {1}); the handlers it was processing are not dispatched. Please report this at https://github.com/xwebhooks/xwebhooks/issues with this message. Stack: {2}");

    private static readonly DiagnosticDescriptor[] All =
    [
        TypeNotPartial,
        UnsupportedSignature,
        NotAnEventType,
        NoUsableConstructor,
        UnsupportedHandlerType,
        InternalError,
    ];

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors => All;

    /// <summary>The descriptor with this ID. An unknown ID is a bug in the generator, so it throws rather than guess.</summary>
    public static DiagnosticDescriptor ById(string id) =>
        All.FirstOrDefault(descriptor => descriptor.Id == id)
        ?? throw new ArgumentException("No XWebhooks generator diagnostic has the ID '" + id + "'.", nameof(id));

    private static DiagnosticDescriptor Create(string id, string title, string message) =>
        new(
            id,
            title,
            message,
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: XWebhooksNames.HelpLink(id));
}
