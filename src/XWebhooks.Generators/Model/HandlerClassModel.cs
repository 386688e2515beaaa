namespace XWebhooks.Generators.Model;

/// <summary>One handler class and its invokers: one generated file.</summary>
internal sealed record HandlerClassModel(string HintName, HandlerTypeModel Type, EquatableArray<InvokerModel> Invokers);
