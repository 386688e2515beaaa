using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Hosting;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the XWebhooks endpoints.</summary>
public static class XWebhooksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps X's webhook URL: <c>GET</c> answers CRC challenges, <c>POST</c> verifies and dispatches deliveries.
    /// Register the same URL with X (<c>POST /2/webhooks</c>). Requires <c>AddXWebhooks</c>.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route, for example <c>/webhooks/x</c>.</param>
    /// <returns>A builder that applies conventions (authorization is not needed: X's signature is the authentication) to both endpoints.</returns>
    public static IEndpointConventionBuilder MapXWebhooks(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);

        var services = endpoints.ServiceProvider;
        var crc = services.GetService<CrcEndpoint>()
            ?? throw new InvalidOperationException("MapXWebhooks needs the XWebhooks services: call builder.Services.AddXWebhooks(builder.Configuration.GetSection(\"XWebhooks\")) first.");
        var delivery = services.GetRequiredService<DeliveryEndpoint>();

        // RequestDelegate overloads: no Request Delegate Generator and no reflection involved.
        var get = endpoints.MapGet(pattern, new RequestDelegate(crc.HandleAsync)).WithDisplayName("X webhook CRC " + pattern);
        var post = endpoints.MapPost(pattern, new RequestDelegate(delivery.HandleAsync)).WithDisplayName("X webhook delivery " + pattern);
        return new CompositeConventionBuilder(get, post);
    }

    private sealed class CompositeConventionBuilder(params IEndpointConventionBuilder[] builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finalConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finalConvention);
            }
        }
    }
}
