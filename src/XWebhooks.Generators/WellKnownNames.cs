using XWebhooks.Shared;

namespace XWebhooks.Generators;

/// <summary>Metadata and source names of the runtime types the generator reads and emits.</summary>
internal static class WellKnownNames
{
    public const string HandlerAttribute = XWebhooksNames.HandlerAttribute;
    public const string EventTypeAttribute = "XWebhooks.Events.XEventTypeAttribute";
    public const string EventInterface = "XWebhooks.Events.IXEvent`1";
    public const string UnknownEvent = "XWebhooks.Events.XUnknownEvent";
    public const string Delivery = "XWebhooks.XDelivery";
    public const string HandlerAssemblyAttribute = "XWebhooks.Hosting.XWebhookHandlerAssemblyAttribute";
    public const string RuntimeAssembly = "XWebhooks";

    /// <summary>The namespace under which each assembly's public registration class lives (then the assembly name).</summary>
    public const string GeneratedNamespace = "XWebhooks.Generated";

    /// <summary>The public class, one per handler assembly, that holds its registration.</summary>
    public const string RegistrationClass = "XWebhookHandlers";

    public const string GlobalUnknownEvent = "global::XWebhooks.Events.XUnknownEvent";
    public const string GlobalDelivery = "global::XWebhooks.XDelivery";
    public const string GlobalProduct = "global::XWebhooks.XProduct";
    public const string GlobalCancellationToken = "global::System.Threading.CancellationToken";
    public const string GlobalValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string GlobalServiceProvider = "global::System.IServiceProvider";
    public const string GlobalServiceCollection = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
    public const string GlobalServiceProviderExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";

    /// <summary>The generator's name and version in <c>[GeneratedCode]</c>.</summary>
    public const string GeneratorName = "XWebhooks.Generators";
    public const string GeneratorVersion = "1.0.0";
}
