using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using XWebhooks.Delivery;
using XWebhooks.Hosting;
using XWebhooks.Inbox;
using XWebhooks.Recovery;
using XWebhooks.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite inbox.</summary>
public static class XWebhooksSqliteBuilderExtensions
{
    /// <summary>
    /// Uses one <see cref="SqliteWebhookInbox"/> (a singleton, disposed with the container) as both the
    /// <see cref="IXWebhookInbox"/> and the <see cref="IXWebhookDedupe"/>, replacing earlier registrations of either,
    /// and keeps the delivery watermark (<see cref="IXDeliveryWatermark"/>, for gap recovery) in the same file.
    /// </summary>
    /// <param name="builder">Returned by <c>AddXWebhooks</c>.</param>
    /// <param name="configureWorker">Sets how the inbox worker retries and dead-letters (<see cref="XWebhooksInboxOptions"/>).</param>
    /// <param name="configure">Sets <see cref="XWebhooksSqliteOptions"/>; the defaults apply when null.</param>
    public static XWebhooksBuilder AddSqliteInbox(this XWebhooksBuilder builder, Action<XWebhooksSqliteOptions>? configure = null, Action<XWebhooksInboxOptions>? configureWorker = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var options = builder.Services.AddOptions<XWebhooksSqliteOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        AddSqliteStore(builder);
        return builder.AddInbox(static sp => sp.GetRequiredService<SqliteWebhookInbox>(), configureWorker);
    }

    private static void AddSqliteStore(XWebhooksBuilder builder)
    {
        builder.Services.AddOptions<XWebhooksSqliteOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XWebhooksSqliteOptions>, XWebhooksSqliteOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SqliteWatchedDirectoryCheck>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(static sp =>
        {
            var inbox = new SqliteWebhookInbox(
                sp.GetRequiredService<IOptions<XWebhooksSqliteOptions>>().Value,
                sp.GetRequiredService<TimeProvider>());

            // Attempts cut short by a crash count against the worker's limit, so a delivery that kills the process is
            // dead-lettered by the store (the worker never sees that attempt fail).
            inbox.Queue.MaxAttempts = sp.GetRequiredService<IOptions<XWebhooksInboxOptions>>().Value.MaxAttempts;
            return inbox;
        });
        builder.Services.RemoveAll<IXWebhookInbox>();
        builder.Services.RemoveAll<IXWebhookDedupe>();
        builder.Services.RemoveAll<IXDeliveryWatermark>();
        builder.Services.AddSingleton<IXDeliveryWatermark>(static sp => new SqliteDeliveryWatermark(sp.GetRequiredService<SqliteWebhookInbox>()));
    }

    /// <summary>
    /// <see cref="AddSqliteInbox(XWebhooksBuilder, Action{XWebhooksSqliteOptions}?, Action{XWebhooksInboxOptions}?)"/> with options (store and worker) read from
    /// <paramref name="inboxSection"/>, usually <c>configuration.GetSection("XWebhooks:Inbox")</c>: its <c>Path</c>
    /// key is the database file, its <c>Durability</c> key <see cref="XWebhooksSqliteOptions.Durability"/>. Bound by the configuration binder generator (AOT clean); a value that does not convert stops the app at start, naming its key.
    /// </summary>
    /// <param name="builder">Returned by <c>AddXWebhooks</c>.</param>
    /// <param name="inboxSection">The <c>XWebhooks:Inbox</c> section.</param>
    public static XWebhooksBuilder AddSqliteInbox(this XWebhooksBuilder builder, IConfiguration inboxSection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(inboxSection);
        builder.Services.AddOptions<XWebhooksSqliteOptions>().Bind(inboxSection);
        AddSqliteStore(builder);
        return builder.AddInbox(static sp => sp.GetRequiredService<SqliteWebhookInbox>(), inboxSection);
    }
}
