using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;

namespace XWebhooks.Hosting;

/// <summary>
/// Collects the service registrations the XWebhooks source generator emits (dispatcher and handler
/// classes) from module initializers, so that <c>AddXWebhooks</c> wires them without reflection and
/// without an extra line in Program.cs. Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class XWebhooksGeneratedRegistry
{
    private static readonly Lock Gate = new();
    private static Action<IServiceCollection>[] registrations = [];

    /// <summary>Adds a generated registration. Called from generated module initializers.</summary>
    public static void Add(Action<IServiceCollection> registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        lock (Gate)
        {
            registrations = [.. registrations, registration];
        }
    }

    internal static void ApplyTo(IServiceCollection services)
    {
        foreach (var registration in Volatile.Read(ref registrations))
        {
            registration(services);
        }
    }
}
