namespace XWebhooks.Generators.Model;

/// <summary>What parsing one attributed method gives: a handler when it can be generated, and diagnostics.</summary>
internal sealed record HandlerParseResult(HandlerModel? Handler, EquatableArray<DiagnosticInfo> Diagnostics);
