namespace XWebhooks.Generators.Model;

/// <summary>An X event type a handler takes: its <c>global::</c>-qualified name and wire kinds.</summary>
internal sealed record EventModel(string FullyQualifiedName, EquatableArray<EventKindModel> Kinds);
