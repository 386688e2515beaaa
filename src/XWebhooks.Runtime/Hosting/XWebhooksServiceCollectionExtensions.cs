using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using XWebhooks.Delivery;
using XWebhooks.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using XWebhooks.Hosting;
using XWebhooks.Inbox;
using XWebhooks.Security;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the XWebhooks receive path.</summary>
public static class XWebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Adds XWebhooks with options bound from <paramref name="configuration"/> (usually
    /// <c>builder.Configuration.GetSection("XWebhooks")</c>), the generated dispatcher and handler classes of
    /// the application, and metrics. The app refuses to start when the consumer secret is missing, or when a value
    /// does not convert (the error names its key, such as <c>XWebhooks:ResponseBudget</c>).
    /// </summary>
    public static XWebhooksBuilder AddXWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddXWebhooks(options =>
        {
            XCrcSecretSetting.RefuseNumbers(configuration);
            configuration.Bind(options);
        });
    }

    /// <summary>Adds XWebhooks with options set in code. See <see cref="AddXWebhooks(IServiceCollection, IConfiguration)"/>.</summary>
    public static XWebhooksBuilder AddXWebhooks(this IServiceCollection services, Action<XWebhooksOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<XWebhooksOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XWebhooksOptions>, XWebhooksOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<XWebhooksMetrics>();
        services.TryAddSingleton<EventDriftReporter>();
        services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<XWebhooksOptions>>().Value;
            return new XSignatureVerifier(options.ConsumerSecret!, options.SecondaryConsumerSecret, options.OAuth2ClientSecret, options.SecondaryOAuth2ClientSecret, options.CrcSecret);
        });
        services.TryAddSingleton<DeliverySignatureGate>();
        services.TryAddSingleton<CrcEndpoint>();
        services.TryAddSingleton(static sp => new DeliveryProcessor(
            CompositeDispatcher.Create([.. sp.GetServices<IXWebhookDispatcher>(), new UnwiredHandlersDispatcher(sp.GetRequiredService<WiredHandlerRegistrations>())]),
            sp.GetRequiredService<XWebhooksMetrics>(),
            sp.GetRequiredService<ILogger<DeliveryProcessor>>(),
            sp.GetService<IXWebhookDedupe>(),
            sp.GetRequiredService<IOptions<XWebhooksOptions>>().Value.DedupeRetention));
        services.TryAddSingleton<DeliveryEndpoint>();

        // What the endpoints did goes to the observers; features that need it (health, gap recovery) add theirs.
        services.TryAddSingleton<XWebhookObservers>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IXWebhookObserver, MetricsObserver>());

        // Registrations emitted by the source generator (this app's assembly and the handler assemblies it
        // references): one dispatcher per assembly with handlers, handler classes. The check refuses to start
        // when a handler assembly is part of the app but was not wired.
        XWebhooksGeneratedRegistry.ApplyTo(services);
        WiredHandlerRegistrations.Of(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HandlerWiringCheck>());
        return new XWebhooksBuilder(services);
    }
}
