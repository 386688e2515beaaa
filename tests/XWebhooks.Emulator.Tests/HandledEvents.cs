using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Hosting;

namespace XWebhooks.Emulator.Tests;

/// <summary>What the receiver's handlers (<see cref="EmulatorTestHandlers"/>) saw: kind and id.</summary>
public sealed class HandledEvents
{
    public ConcurrentQueue<(string Kind, string? Id)> Calls { get; } = new();

    /// <summary>A real XWebhooks receiver whose generated dispatcher runs <see cref="EmulatorTestHandlers"/>, verifying with <see cref="EmulatorHarness.Secret"/>.</summary>
    internal static Task<TestReceiver> StartReceiverAsync(Action<XWebhooksOptions>? options = null) => TestReceiver.StartAsync(new()
    {
        Secret = EmulatorHarness.Secret,
        Options = options,
        Configure = xwebhooks => xwebhooks.Services.AddSingleton<HandledEvents>(),
    });

    /// <summary>The records of a receiver started by <see cref="StartReceiverAsync"/>.</summary>
    internal static HandledEvents Of(TestReceiver receiver) => receiver.Services.GetRequiredService<HandledEvents>();
}
