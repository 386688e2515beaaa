using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Delivery;

namespace XWebhooks.Hosting;

/// <summary>
/// The handler registrations wired into one service collection, in order: each at most once (by assembly name),
/// however often <c>AddXWebhooks</c> or <see cref="XWebhooksBuilder.AddHandlers"/> run. Kept as a singleton
/// instance in the collection so the startup check and the unwired-handler guard can see what was wired.
/// </summary>
internal sealed class WiredHandlerRegistrations
{
    private readonly List<XWebhookHandlerRegistration> wired = [];

    public IReadOnlyList<XWebhookHandlerRegistration> All => wired;

    public bool Contains(string assemblyName) =>
        wired.Exists(registration => string.Equals(registration.AssemblyName, assemblyName, StringComparison.Ordinal));

    /// <summary>Adds the assembly's dispatcher and handler classes unless an equal registration is already wired.</summary>
    public static void Wire(IServiceCollection services, XWebhookHandlerRegistration registration)
    {
        var set = Of(services);
        if (set.Contains(registration.AssemblyName))
        {
            return;
        }

        set.wired.Add(registration);
        services.AddSingleton<IXWebhookDispatcher>(_ => registration.CreateDispatcher());
        registration.AddHandlerClasses(services);
    }

    /// <summary>The collection's instance, added on first use.</summary>
    public static WiredHandlerRegistrations Of(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(WiredHandlerRegistrations) && descriptor.ImplementationInstance is WiredHandlerRegistrations existing)
            {
                return existing;
            }
        }

        var created = new WiredHandlerRegistrations();
        services.AddSingleton(created);
        return created;
    }
}
