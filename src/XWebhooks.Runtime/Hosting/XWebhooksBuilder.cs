using Microsoft.Extensions.DependencyInjection;

namespace XWebhooks.Hosting;

/// <summary>Returned by <c>AddXWebhooks</c> so further XWebhooks features can be chained onto it.</summary>
public sealed class XWebhooksBuilder
{
    internal XWebhooksBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Wires the handlers of one assembly by hand: pass <c>XWebhooks.Generated.&lt;assembly name&gt;.XWebhookHandlers.Registration</c>.
    /// Needed only when the XWebhooks source generator did not run in the project that calls <c>AddXWebhooks</c>
    /// (it wires the handler assemblies that project references); the app names such assemblies when it refuses
    /// to start. Wiring an assembly twice does nothing.
    /// </summary>
    public XWebhooksBuilder AddHandlers(XWebhookHandlerRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        WiredHandlerRegistrations.Wire(Services, registration);
        return this;
    }
}
