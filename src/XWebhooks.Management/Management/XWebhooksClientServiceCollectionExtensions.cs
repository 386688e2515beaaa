using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XWebhooks.Management;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="XWebhooksClient"/>, the X webhook management client.</summary>
public static class XWebhooksClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses, for further configuration through <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "XWebhooks.Management";

    /// <summary>
    /// Registers <see cref="XWebhooksClient"/> as a typed <see cref="HttpClient"/> client (transient) with options
    /// bound from <paramref name="configuration"/> (for example <c>builder.Configuration.GetSection("XWebhooks:Client")</c>:
    /// <c>BearerToken</c>, <c>BaseAddress</c>, <c>MaxRateLimitWait</c>). The app refuses to start without a bearer token.
    /// Returns the <see cref="IHttpClientBuilder"/> for handlers, timeouts or resilience.
    /// </summary>
    public static IHttpClientBuilder AddXWebhooksClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddXWebhooksClient(options => configuration.Bind(options));
    }

    /// <summary>Registers <see cref="XWebhooksClient"/> with options set in code. See <see cref="AddXWebhooksClient(IServiceCollection, IConfiguration)"/>.</summary>
    public static IHttpClientBuilder AddXWebhooksClient(this IServiceCollection services, Action<XWebhooksClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<XWebhooksClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XWebhooksClientOptions>, XWebhooksClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The factory overload keeps construction reflection-free (no ActivatorUtilities), so it stays AOT clean.
        return services.AddHttpClient(HttpClientName).AddTypedClient(static (http, sp) => new XWebhooksClient(
            http,
            sp.GetRequiredService<IOptions<XWebhooksClientOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<XWebhooksClient>>()));
    }
}
