namespace XWebhooks.Generators.Model;

/// <summary>One handler parameter, by what it receives (a record, so lists of parameters compare by value).</summary>
internal readonly record struct ParameterModel(ParameterKind Kind);
