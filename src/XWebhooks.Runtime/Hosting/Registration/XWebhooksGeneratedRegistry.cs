using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;

namespace XWebhooks.Hosting;

/// <summary>
/// The process-wide list of generated <see cref="XWebhookHandlerRegistration"/>s, filled by generated module
/// initializers: the one of the assembly that calls <c>AddXWebhooks</c> adds its own registration and those of
/// every handler assembly it references (a direct call, so under JIT the referenced assembly is loaded and
/// under Native AOT it is kept). <c>AddXWebhooks</c> wires what is here. Not meant to be called by hand: use
/// <see cref="XWebhooksBuilder.AddHandlers"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class XWebhooksGeneratedRegistry
{
    private static readonly Lock Gate = new();
    private static XWebhookHandlerRegistration[] registrations = [];

    /// <summary>Adds a generated registration (once; adding the same one again does nothing). Called from generated module initializers.</summary>
    public static void Add(XWebhookHandlerRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        lock (Gate)
        {
            if (Array.IndexOf(registrations, registration) < 0)
            {
                registrations = [.. registrations, registration];
            }
        }
    }

    /// <summary>Every registration added so far, in the order added. A new array after each addition, so a caller can tell by reference that nothing changed.</summary>
    internal static XWebhookHandlerRegistration[] Registrations => Volatile.Read(ref registrations);

    internal static void ApplyTo(IServiceCollection services)
    {
        foreach (var registration in Registrations)
        {
            WiredHandlerRegistrations.Wire(services, registration);
        }
    }
}
