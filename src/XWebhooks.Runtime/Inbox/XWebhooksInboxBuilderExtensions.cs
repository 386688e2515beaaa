using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using XWebhooks.Hosting;

namespace XWebhooks.Inbox;

/// <summary>Switches the receive path to inbox mode: verify → durable append → 200, then a background worker runs the handlers.</summary>
public static class XWebhooksInboxBuilderExtensions
{
    /// <summary>
    /// Uses <paramref name="inboxFactory"/>'s store as the durable inbox (and as the dedupe store when it
    /// implements <see cref="IXWebhookDedupe"/>) and starts the inbox worker. Store packages call this from
    /// their own <c>Add…Inbox</c> methods.
    /// </summary>
    public static XWebhooksBuilder AddInbox<TInbox>(this XWebhooksBuilder builder, Func<IServiceProvider, TInbox> inboxFactory, Action<XWebhooksInboxOptions>? configure = null)
        where TInbox : class, IXWebhookInbox
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(inboxFactory);
        var services = builder.Services;
        services.TryAddSingleton(inboxFactory);
        services.TryAddSingleton<IXWebhookInbox>(static sp => sp.GetRequiredService<TInbox>());
        if (typeof(IXWebhookDedupe).IsAssignableFrom(typeof(TInbox)))
        {
            services.TryAddSingleton<IXWebhookDedupe>(static sp => (IXWebhookDedupe)sp.GetRequiredService<TInbox>());
        }

        var optionsBuilder = services.AddOptions<XWebhooksInboxOptions>().ValidateOnStart();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XWebhooksInboxOptions>, XWebhooksInboxOptionsValidator>());
        services.TryAddSingleton<InboxSignal>();
        services.AddHostedService<InboxWorker>();
        return builder;
    }

    /// <summary>Binds <see cref="XWebhooksInboxOptions"/> from a configuration section (usually <c>XWebhooks:Inbox</c>), by hand (AOT clean).</summary>
    public static void Bind(this XWebhooksInboxOptions options, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(section);
        if (section[nameof(options.MaxAttempts)] is { } attempts)
        {
            options.MaxAttempts = XWebhooksOptionsBinder.ParseInt(attempts, "Inbox:" + nameof(options.MaxAttempts));
        }

        if (section[nameof(options.MaxConcurrency)] is { } concurrency)
        {
            options.MaxConcurrency = XWebhooksOptionsBinder.ParseInt(concurrency, "Inbox:" + nameof(options.MaxConcurrency));
        }

        if (section[nameof(options.InitialRetryDelay)] is { } initial)
        {
            options.InitialRetryDelay = XWebhooksOptionsBinder.ParseTimeSpan(initial, "Inbox:" + nameof(options.InitialRetryDelay));
        }

        if (section[nameof(options.MaxRetryDelay)] is { } max)
        {
            options.MaxRetryDelay = XWebhooksOptionsBinder.ParseTimeSpan(max, "Inbox:" + nameof(options.MaxRetryDelay));
        }

        if (section[nameof(options.LeaseDuration)] is { } lease)
        {
            options.LeaseDuration = XWebhooksOptionsBinder.ParseTimeSpan(lease, "Inbox:" + nameof(options.LeaseDuration));
        }

        if (section[nameof(options.HandlerTimeout)] is { } timeout)
        {
            options.HandlerTimeout = XWebhooksOptionsBinder.ParseTimeSpan(timeout, "Inbox:" + nameof(options.HandlerTimeout));
        }

        if (section[nameof(options.PollInterval)] is { } poll)
        {
            options.PollInterval = XWebhooksOptionsBinder.ParseTimeSpan(poll, "Inbox:" + nameof(options.PollInterval));
        }
    }
}
