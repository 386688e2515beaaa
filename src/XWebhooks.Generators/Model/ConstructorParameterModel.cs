namespace XWebhooks.Generators.Model;

/// <summary>
/// A parameter of the constructor generated code calls to create a handler class.
/// </summary>
/// <param name="TypeFullyQualifiedName">The parameter's type, <c>global::</c>-qualified.</param>
/// <param name="IsOptional">True when the parameter has a default value: the service is then optional.</param>
/// <param name="DefaultValue">The C# expression of the default value (only when <paramref name="IsOptional"/>).</param>
internal sealed record ConstructorParameterModel(string TypeFullyQualifiedName, bool IsOptional, string DefaultValue);
