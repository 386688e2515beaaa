namespace XWebhooks.Generators.Model;

/// <summary>
/// A static internal method emitted into the handler's partial class that calls the handler (which
/// may be private) with the dispatcher's arguments and always returns a <c>ValueTask</c>.
/// </summary>
internal sealed record InvokerModel(
    string InvokerName,
    string MethodName,
    bool IsStatic,
    string EventTypeFullyQualifiedName,
    EquatableArray<ParameterModel> Parameters,
    ReturnKind Return);
