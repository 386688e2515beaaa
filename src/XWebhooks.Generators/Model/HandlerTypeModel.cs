namespace XWebhooks.Generators.Model;

/// <summary>The class that declares handlers.</summary>
/// <param name="FullyQualifiedName">For example <c>global::Bot.Outer.Handlers</c>.</param>
/// <param name="MetadataName">Dotted name without <c>global::</c>, for example <c>Bot.Outer.Handlers</c> (hint names).</param>
/// <param name="Namespace">The namespace, empty for the global namespace.</param>
/// <param name="Chain">The type and its containing types, outermost first.</param>
/// <param name="Constructor">Parameters of the constructor generated code calls, or null when there is no usable one.</param>
internal sealed record HandlerTypeModel(
    string FullyQualifiedName,
    string MetadataName,
    string Namespace,
    EquatableArray<ContainingTypeModel> Chain,
    EquatableArray<ConstructorParameterModel>? Constructor);
