using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using XWebhooks.Diagnostics;

namespace XWebhooks.Hosting;

/// <summary>
/// Refuses to start the app when an assembly with <see cref="XWebhookHandlerAttribute"/> handlers is part of
/// it but its handlers were not wired: every event of theirs would otherwise be acknowledged and dropped.
/// Sees late generated registrations always, and under JIT also every handler assembly in the app's folder
/// (Native AOT has no such list; there the generator of the calling project wires them).
/// </summary>
internal sealed class HandlerWiringCheck(WiredHandlerRegistrations wired, ILogger<HandlerWiringCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not gated on RuntimeFeature.IsDynamicCodeSupported: a PublishAot project runs under JIT with that switch
        // off too, and there the walk matters most. A Native AOT binary has no assembly list, so the walk is empty.
        var missing = FindUnwired(wired, HandlerAssemblyScanner.AppLocalHandlerAssemblies);
        if (missing.Count == 0)
        {
            return Task.CompletedTask;
        }

        var message = Describe(missing);
        XWebhooksLog.HandlersNotWired(logger, message);
        throw new XWebhookHandlersNotWiredException(message);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static IReadOnlyList<(string AssemblyName, IReadOnlyList<string> HandlerTypes)> FindUnwired(
        WiredHandlerRegistrations wired,
        IReadOnlyList<(string AssemblyName, IReadOnlyList<string> HandlerTypes)> appHandlerAssemblies)
    {
        var missing = new List<(string AssemblyName, IReadOnlyList<string> HandlerTypes)>();
        foreach (var registration in XWebhooksGeneratedRegistry.Registrations)
        {
            if (!wired.Contains(registration.AssemblyName))
            {
                missing.Add((registration.AssemblyName, registration.HandlerTypes));
            }
        }

        foreach (var found in appHandlerAssemblies)
        {
            if (!wired.Contains(found.AssemblyName) && !missing.Exists(m => m.AssemblyName == found.AssemblyName))
            {
                missing.Add(found);
            }
        }

        return missing;
    }

    internal static string Describe(IReadOnlyList<(string AssemblyName, IReadOnlyList<string> HandlerTypes)> missing)
    {
        var text = new StringBuilder("XWebhooks handlers are part of this app but were not wired by AddXWebhooks, so their events would be acknowledged and dropped.");
        foreach (var (assemblyName, handlerTypes) in missing)
        {
            text.Append(" Assembly '").Append(assemblyName).Append("' (").AppendJoin(", ", handlerTypes).Append("): add .AddHandlers(XWebhooks.Generated.")
                .Append(assemblyName).Append(".XWebhookHandlers.Registration) after AddXWebhooks.");
        }

        text.Append(" Or reference the XWebhooks package from the project that calls AddXWebhooks: its source generator then wires every handler assembly that project references.");
        return text.ToString();
    }
}
