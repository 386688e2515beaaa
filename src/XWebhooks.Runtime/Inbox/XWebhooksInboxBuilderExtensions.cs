using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using XWebhooks.Delivery;
using XWebhooks.Hosting;
using XWebhooks.Inbox;

namespace Microsoft.Extensions.DependencyInjection;

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
        return AddInboxCore(builder, inboxFactory, configure is null ? null : options => options.Configure(configure));
    }

    /// <summary>
    /// <see cref="AddInbox{TInbox}(XWebhooksBuilder, Func{IServiceProvider, TInbox}, Action{XWebhooksInboxOptions}?)"/> with
    /// <see cref="XWebhooksInboxOptions"/> bound from <paramref name="inboxSection"/> (usually <c>XWebhooks:Inbox</c>)
    /// by the configuration binder generator. A value that does not convert stops the app at start, naming its key.
    /// </summary>
    public static XWebhooksBuilder AddInbox<TInbox>(this XWebhooksBuilder builder, Func<IServiceProvider, TInbox> inboxFactory, IConfiguration inboxSection)
        where TInbox : class, IXWebhookInbox
    {
        ArgumentNullException.ThrowIfNull(inboxSection);
        return AddInboxCore(builder, inboxFactory, options => options.Bind(inboxSection));
    }

    private static XWebhooksBuilder AddInboxCore<TInbox>(XWebhooksBuilder builder, Func<IServiceProvider, TInbox> inboxFactory, Action<OptionsBuilder<XWebhooksInboxOptions>>? configure)
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
        configure?.Invoke(optionsBuilder);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XWebhooksInboxOptions>, XWebhooksInboxOptionsValidator>());
        services.TryAddSingleton<InboxSignal>();
        services.AddHostedService<InboxWorker>();
        return builder;
    }
}
