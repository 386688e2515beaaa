using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using XWebhooks.Delivery;
using XWebhooks.Hosting;
using XWebhooks.Inbox;
using XWebhooks.Recovery;
using XWebhooks.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis Streams inbox.</summary>
public static class XWebhooksRedisBuilderExtensions
{
    /// <summary>
    /// Uses one <see cref="RedisWebhookInbox"/> (a singleton, disposed with the container) as both the
    /// <see cref="IXWebhookInbox"/> and the <see cref="IXWebhookDedupe"/>, replacing earlier registrations of either,
    /// and keeps the delivery watermark (<see cref="IXDeliveryWatermark"/>, for gap recovery) in the same Redis.
    /// When <see cref="XWebhooksRedisOptions.Configuration"/> is not set, an <see cref="IConnectionMultiplexer"/>
    /// registered in the container is used; otherwise resolving the inbox fails.
    /// </summary>
    /// <param name="builder">Returned by <c>AddXWebhooks</c>.</param>
    /// <param name="configureWorker">Sets how the inbox worker retries and dead-letters (<see cref="XWebhooksInboxOptions"/>).</param>
    /// <param name="configure">Sets <see cref="XWebhooksRedisOptions"/>.</param>
    public static XWebhooksBuilder AddRedisInbox(this XWebhooksBuilder builder, Action<XWebhooksRedisOptions>? configure = null, Action<XWebhooksInboxOptions>? configureWorker = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var options = builder.Services.AddOptions<XWebhooksRedisOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        AddRedisStore(builder);
        return builder.AddInbox(static sp => sp.GetRequiredService<RedisWebhookInbox>(), configureWorker);
    }

    private static void AddRedisStore(XWebhooksBuilder builder)
    {
        builder.Services.AddOptions<XWebhooksRedisOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XWebhooksRedisOptions>, XWebhooksRedisOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<XWebhooksRedisOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            if (!string.IsNullOrWhiteSpace(options.Configuration))
            {
                return new RedisWebhookInbox(options, time);
            }

            return sp.GetService<IConnectionMultiplexer>() is { } connection
                ? new RedisWebhookInbox(connection, options, time)
                : throw new InvalidOperationException(
                    $"The Redis inbox needs a connection string ({XWebhooksRedisOptions.SectionName}:{nameof(XWebhooksRedisOptions.Configuration)}) or a registered IConnectionMultiplexer.");
        });
        builder.Services.RemoveAll<IXWebhookInbox>();
        builder.Services.RemoveAll<IXWebhookDedupe>();
        builder.Services.RemoveAll<IXDeliveryWatermark>();
        builder.Services.AddSingleton<IXDeliveryWatermark>(static sp => new RedisDeliveryWatermark(sp.GetRequiredService<RedisWebhookInbox>()));
    }

    /// <summary>
    /// <see cref="AddRedisInbox(XWebhooksBuilder, Action{XWebhooksRedisOptions}?, Action{XWebhooksInboxOptions}?)"/> with options (store and worker) read from
    /// <paramref name="inboxSection"/>, usually <c>configuration.GetSection("XWebhooks:Inbox")</c>: keys
    /// <c>Configuration</c>, <c>KeyPrefix</c> and <c>ConsumerName</c>. Bound by the configuration binder
    /// generator (AOT clean); a value that does not convert stops the app at start, naming its key.
    /// </summary>
    /// <param name="builder">Returned by <c>AddXWebhooks</c>.</param>
    /// <param name="inboxSection">The <c>XWebhooks:Inbox</c> section.</param>
    public static XWebhooksBuilder AddRedisInbox(this XWebhooksBuilder builder, IConfiguration inboxSection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(inboxSection);
        builder.Services.AddOptions<XWebhooksRedisOptions>().Bind(inboxSection);
        AddRedisStore(builder);
        return builder.AddInbox(static sp => sp.GetRequiredService<RedisWebhookInbox>(), inboxSection);
    }
}
