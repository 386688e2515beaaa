using System.Collections.Concurrent;

namespace XWebhooks.EndToEnd.Tests;

/// <summary>What handlers saw, in order: the handler's name and the typed values it read.</summary>
public sealed class Recorder
{
    public ConcurrentQueue<(string Handler, string Values)> Calls { get; } = new();

    public void Add(string handler, string values) => Calls.Enqueue((handler, values));
}
