namespace XWebhooks.Generators.Model;

/// <summary>One handler call in a route: which class, which invoker, and whether an instance is needed.</summary>
internal sealed record HandlerCallModel(string TypeFullyQualifiedName, string InvokerName, bool IsStatic);
