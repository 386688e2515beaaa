using Microsoft.Extensions.DependencyInjection;

namespace XWebhooks.Hosting;

/// <summary>Returned by <c>AddXWebhooks</c> so further XWebhooks features can be chained onto it.</summary>
public sealed class XWebhooksBuilder
{
    internal XWebhooksBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's service collection.</summary>
    public IServiceCollection Services { get; }
}
