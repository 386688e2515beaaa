namespace XWebhooks.Generators.Model;

/// <summary>A handler class registered as a scoped service with a generated factory.</summary>
internal sealed record RegistrationModel(string TypeFullyQualifiedName, EquatableArray<ConstructorParameterModel> ConstructorParameters);
