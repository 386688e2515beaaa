using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using XWebhooks.Hosting;
using XWebhooks.Management;

// Beside AddXWebhooks and AddGapRecovery, so the chain in Program.cs needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Opt-in startup registration with X, chained on <c>AddXWebhooks(…)</c>. Needs <c>services.AddXWebhooksClient(…)</c>.</summary>
public static class XWebhooksManagementBuilderExtensions
{
    /// <summary>
    /// Once the server listens, makes sure <paramref name="publicUrl"/> (the https URL X calls, mapped with
    /// <c>MapXWebhooks</c>) is a registered, valid webhook: lists webhooks, creates the URL when missing, PUT-validates
    /// it when invalid, logs the outcome and publishes the webhook id on the <see cref="XWebhookRegistration"/> singleton.
    /// </summary>
    public static XWebhooksBuilder EnsureWebhookRegistered(this XWebhooksBuilder builder, Uri publicUrl, Action<XWebhookRegistrationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(publicUrl);
        if (!publicUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The webhook URL must be absolute (https://host/path).", nameof(publicUrl));
        }

        return builder.EnsureWebhookRegistered(_ => publicUrl, configure);
    }

    /// <summary>
    /// <see cref="EnsureWebhookRegistered(XWebhooksBuilder, Uri, Action{XWebhookRegistrationOptions}?)"/> with the URL
    /// computed after the server started (e.g. from configuration or the bound address).
    /// </summary>
    public static XWebhooksBuilder EnsureWebhookRegistered(this XWebhooksBuilder builder, Func<IServiceProvider, Uri> publicUrl, Action<XWebhookRegistrationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(publicUrl);
        AddRegistration(builder.Services).Configure(options =>
        {
            options.PublicUrl = publicUrl;
            configure?.Invoke(options);
        });
        return builder;
    }

    /// <summary>
    /// After the webhook check (if any), creates the X Activity subscriptions that do not exist yet, matching on event
    /// type, filter and webhook id. A request without a <see cref="XActivitySubscriptionRequest.WebhookId"/> uses the
    /// webhook resolved by <see cref="EnsureWebhookRegistered(XWebhooksBuilder, Uri, Action{XWebhookRegistrationOptions}?)"/>.
    /// Uses the app bearer token, so it suits public event types (profile.*, post.create, post.delete, broadcast.start/end).
    /// </summary>
    public static XWebhooksBuilder EnsureActivitySubscriptions(this XWebhooksBuilder builder, params XActivitySubscriptionRequest[] subscriptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(subscriptions);
        foreach (var subscription in subscriptions)
        {
            ArgumentNullException.ThrowIfNull(subscription, nameof(subscriptions));
            ArgumentException.ThrowIfNullOrWhiteSpace(subscription.EventType, nameof(subscriptions));
            ArgumentNullException.ThrowIfNull(subscription.Filter, nameof(subscriptions));
        }

        AddRegistration(builder.Services).Configure(options => options.Subscriptions.AddRange(subscriptions));
        return builder;
    }

    private static Microsoft.Extensions.Options.OptionsBuilder<XWebhookRegistrationOptions> AddRegistration(IServiceCollection services)
    {
        services.TryAddSingleton<XWebhookRegistration>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, XWebhookRegistrationService>());
        return services.AddOptions<XWebhookRegistrationOptions>();
    }
}
