using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XWebhooks.Delivery;
using XWebhooks.Hosting;
using XWebhooks.Inbox;
using XWebhooks.Recovery;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers gap recovery.</summary>
public static class XWebhooksGapRecoveryBuilderExtensions
{
    /// <summary>
    /// After downtime, asks X to replay what it sent meanwhile: at start, when the last acknowledged delivery (the
    /// watermark kept by a durable inbox) is older than <see cref="XWebhooksGapRecoveryOptions.MinimumGap"/>, creates
    /// a replay job (<c>POST /2/webhooks/replay</c>) from the watermark minus the margin to the start, capped at the
    /// 24 hours X keeps. Overlaps are dropped by the inbox's dedupe. Needs the management client
    /// (<c>AddXWebhooksClient</c>) and a webhook id (<see cref="XWebhooksGapRecoveryOptions.WebhookId"/> or the
    /// client's registration helper); without them it logs why it cannot run.
    /// </summary>
    /// <param name="builder">Returned by <c>AddXWebhooks</c>.</param>
    /// <param name="configure">Sets <see cref="XWebhooksGapRecoveryOptions"/>; the defaults apply when null.</param>
    public static XWebhooksBuilder AddGapRecovery(this XWebhooksBuilder builder, Action<XWebhooksGapRecoveryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<XWebhooksGapRecoveryOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddGapRecoveryServices(builder);
    }

    /// <summary>
    /// Adds gap recovery (see <see cref="AddGapRecovery(XWebhooksBuilder, Action{XWebhooksGapRecoveryOptions}?)"/>) with
    /// <see cref="XWebhooksGapRecoveryOptions"/> bound from <paramref name="configuration"/>, usually
    /// <c>builder.Configuration.GetSection("XWebhooks:GapRecovery")</c> (so <c>XWebhooks__GapRecovery__MinimumGap</c>
    /// sets it from the environment). A value that does not convert stops the app at start, naming its key.
    /// </summary>
    /// <param name="builder">Returned by <c>AddXWebhooks</c>.</param>
    /// <param name="configuration">The <c>XWebhooks:GapRecovery</c> section; missing keys keep their defaults.</param>
    public static XWebhooksBuilder AddGapRecovery(this XWebhooksBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<XWebhooksGapRecoveryOptions>().Bind(configuration);
        return AddGapRecoveryServices(builder);
    }

    private static XWebhooksBuilder AddGapRecoveryServices(XWebhooksBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<XWebhooksGapRecoveryOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XWebhooksGapRecoveryOptions>, XWebhooksGapRecoveryOptionsValidator>());
        XWebhookManagement.AddTo(services);

        // The watermark: raised by every acknowledged delivery (an endpoint observer), persisted by a background
        // flusher to the inbox's store when there is one, else kept in memory.
        services.TryAddSingleton<IXDeliveryWatermark, InMemoryDeliveryWatermark>();
        if (!services.Any(static d => d.ServiceType == typeof(DeliveryWatermarkRecorder)))
        {
            services.AddSingleton<DeliveryWatermarkRecorder>();
            services.AddSingleton<IXWebhookObserver>(static sp => sp.GetRequiredService<DeliveryWatermarkRecorder>());
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DeliveryWatermarkFlusher>());
        services.TryAddSingleton<GapRecoveryMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GapRecoveryService>(static sp => new GapRecoveryService(
            sp.GetRequiredService<DeliveryWatermarkRecorder>(),
            sp.GetRequiredService<IXDeliveryWatermark>(),
            sp.GetRequiredService<IXWebhookManagement>(),
            sp.GetRequiredService<IOptions<XWebhooksGapRecoveryOptions>>(),
            sp.GetRequiredService<GapRecoveryMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GapRecoveryService>>(),
            sp.GetService<IXWebhookDedupe>())));
        return builder;
    }
}
