namespace XWebhooks.Generators.Model;

/// <summary>One wire kind of an event type: the <c>XProduct</c> value (as its number) and the kind's name.</summary>
internal sealed record EventKindModel(int Product, string Name);
