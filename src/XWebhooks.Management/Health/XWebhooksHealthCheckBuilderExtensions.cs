using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using XWebhooks.Health;
using XWebhooks.Hosting;
using XWebhooks.Recovery;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the XWebhooks health check.</summary>
public static class XWebhooksHealthCheckBuilderExtensions
{
    /// <summary>
    /// Adds a health check of the X webhook receiver: Unhealthy (or <paramref name="failureStatus"/>) when X reports
    /// the webhook invalid (asked through the management client when one and a webhook id are available, cached per
    /// <see cref="XWebhooksHealthCheckOptions.WebhookStatusCacheDuration"/>) or when no CRC was answered for
    /// <see cref="XWebhooksHealthCheckOptions.CrcStaleAfter"/>; Degraded when the signature-failure rate is high or
    /// X could not be asked. Requires <c>AddXWebhooks</c>.
    /// </summary>
    /// <param name="builder">From <c>services.AddHealthChecks()</c>.</param>
    /// <param name="configure">Adjusts <see cref="XWebhooksHealthCheckOptions"/>; the defaults apply when null.</param>
    /// <param name="name">The check's name in reports. Default <c>xwebhooks</c>.</param>
    /// <param name="failureStatus">Reported instead of Unhealthy for failures; null keeps Unhealthy.</param>
    /// <param name="tags">Tags to filter the check by (for example <c>ready</c>).</param>
    public static IHealthChecksBuilder AddXWebhooksHealthCheck(
        this IHealthChecksBuilder builder,
        Action<XWebhooksHealthCheckOptions>? configure = null,
        string name = "xwebhooks",
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<XWebhooksHealthCheckOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddHealthCheck(builder, name, failureStatus, tags);
    }

    /// <summary>
    /// Adds the XWebhooks health check (see <see cref="AddXWebhooksHealthCheck(IHealthChecksBuilder, Action{XWebhooksHealthCheckOptions}?, string, HealthStatus?, IEnumerable{string}?)"/>)
    /// with <see cref="XWebhooksHealthCheckOptions"/> bound from <paramref name="configuration"/>, usually
    /// <c>builder.Configuration.GetSection("XWebhooks:Health")</c>. A value that does not convert stops the app at
    /// start, naming its key.
    /// </summary>
    /// <param name="builder">From <c>services.AddHealthChecks()</c>.</param>
    /// <param name="configuration">The <c>XWebhooks:Health</c> section; missing keys keep their defaults.</param>
    /// <param name="name">The check's name in reports. Default <c>xwebhooks</c>.</param>
    /// <param name="failureStatus">Reported instead of Unhealthy for failures; null keeps Unhealthy.</param>
    /// <param name="tags">Tags to filter the check by (for example <c>ready</c>).</param>
    public static IHealthChecksBuilder AddXWebhooksHealthCheck(
        this IHealthChecksBuilder builder,
        IConfiguration configuration,
        string name = "xwebhooks",
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<XWebhooksHealthCheckOptions>().Bind(configuration);
        return AddHealthCheck(builder, name, failureStatus, tags);
    }

    private static IHealthChecksBuilder AddHealthCheck(IHealthChecksBuilder builder, string name, HealthStatus? failureStatus, IEnumerable<string>? tags)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var services = builder.Services;
        services.AddOptions<XWebhooksHealthCheckOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XWebhooksHealthCheckOptions>, XWebhooksHealthCheckOptionsValidator>());
        XWebhookManagement.AddTo(services);

        // What the endpoints observed (CRC answers, signature checks): the health state is an endpoint observer.
        if (!services.Any(static d => d.ServiceType == typeof(XWebhooksHealthState)))
        {
            services.AddSingleton<XWebhooksHealthState>();
            services.AddSingleton<IXWebhookObserver>(static sp => sp.GetRequiredService<XWebhooksHealthState>());
        }

        services.TryAddSingleton(static sp => new WebhookStatusCache(sp.GetRequiredService<IXWebhookManagement>(), sp.GetRequiredService<TimeProvider>()));
        return builder.Add(new HealthCheckRegistration(
            name,
            static sp => new XWebhooksHealthCheck(
                sp.GetRequiredService<XWebhooksHealthState>(),
                sp.GetRequiredService<IOptions<XWebhooksHealthCheckOptions>>(),
                sp.GetRequiredService<IOptions<XWebhooksGapRecoveryOptions>>(),
                sp.GetRequiredService<IXWebhookManagement>(),
                sp.GetRequiredService<WebhookStatusCache>(),
                sp.GetRequiredService<TimeProvider>()),
            failureStatus,
            tags));
    }
}
