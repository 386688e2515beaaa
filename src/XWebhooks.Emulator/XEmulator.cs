using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace XWebhooks.Emulator;

/// <summary>
/// A local X for one machine: the <c>/2/webhooks</c> management API (creating or validating a webhook runs a real
/// CRC against it), X Activity API and Account Activity subscriptions, filtered-stream links, signed deliveries
/// of triggered events with X's retries, replay jobs, and a log of every delivery. See docs/emulator.md.
/// </summary>
public sealed class XEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly EmulatorState state = new();
    private readonly EventTrigger trigger;
    private readonly DeliveryEngine deliveries;
    private readonly HttpClient http;
    private readonly CancellationTokenSource stopping = new();
    private readonly EmulatorServices services;
    private Task crcLoop = Task.CompletedTask;
    private int disposed;

    private XEmulator(XEmulatorOptions options, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger("XWebhooks.Emulator");
        // No redirects: X counts a 3xx CRC answer as a failure, and posts only to the registered URL.
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };
        deliveries = new DeliveryEngine(state, http, options, TimeProvider.System, logger, stopping.Token);
        deliveries.Completed += delivery => DeliveryCompleted?.Invoke(delivery);
        trigger = new EventTrigger(state, deliveries);
        services = new EmulatorServices(state, options, deliveries, new CrcChecker(http, options), new RateLimiter(options.RateLimitWindow, TimeProvider.System), TimeProvider.System, logger);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url);
        app = builder.Build();
        WebhookEndpoints.Map(app, services);
        ReplayEndpoint.Map(app, services);
        ActivitySubscriptionEndpoints.Map(app, services);
        AccountActivityEndpoints.Map(app, services);
        StreamLinkEndpoints.Map(app, services);
        ControlEndpoints.Map(app, services, trigger);
    }

    /// <summary>Raised when a delivery has ended: delivered, failed after its retries, or skipped (invalid webhook).</summary>
    public event Action<XEmulatorDelivery>? DeliveryCompleted;

    /// <summary>The address the emulator listens on (with the real port when <see cref="XEmulatorOptions.Url"/> asked for port 0).</summary>
    /// <exception cref="InvalidOperationException">The emulator has not been started.</exception>
    public Uri BaseAddress =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address
            ? new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal))
            : throw new InvalidOperationException("The emulator is not listening; call StartAsync first.");

    /// <summary>A snapshot of the delivery log, oldest first.</summary>
    public IReadOnlyList<XEmulatorDelivery> Deliveries
    {
        get
        {
            lock (state.Gate)
            {
                return [.. state.Deliveries.Select(record => record.Snapshot())];
            }
        }
    }

    /// <summary>Creates an emulator; <see cref="StartAsync"/> starts listening.</summary>
    /// <param name="options">Secret, bearer token, address and schedules.</param>
    /// <param name="loggerFactory">Where the emulator logs what it does (registrations, CRC checks, every delivery attempt).</param>
    /// <exception cref="InvalidOperationException">A required option is missing or out of range.</exception>
    public static XEmulator Create(XEmulatorOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new XEmulator(options, loggerFactory ?? NullLoggerFactory.Instance);
    }

    /// <summary>Starts listening on <see cref="XEmulatorOptions.Url"/> (and the periodic CRC when <see cref="XEmulatorOptions.CrcInterval"/> is set).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        if (services.Options.CrcInterval is { } interval)
        {
            crcLoop = CrcSweep.LoopAsync(services, interval, stopping.Token);
        }
    }

    /// <summary>
    /// Runs X's periodic CRC on every webhook now: a failure makes the webhook invalid (it receives nothing until a
    /// <c>PUT /2/webhooks/:id</c> passes), a pass makes it valid. Also <c>POST /emulator/crc</c>.
    /// </summary>
    /// <returns>Each webhook's id and why its CRC failed, or null when it passed.</returns>
    public async Task<IReadOnlyDictionary<string, string?>> CheckWebhooksAsync(CancellationToken cancellationToken = default)
    {
        var results = await CrcSweep.RunAsync(services, cancellationToken).ConfigureAwait(false);
        return results.ToDictionary(result => result.WebhookId, result => result.Failure, StringComparer.Ordinal);
    }

    /// <summary>Stops delivering and listening. Deliveries waiting for a retry are dropped.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await crcLoop.ConfigureAwait(false);
        await app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes an event of <paramref name="nameOrKind"/> happen (a name from <see cref="Testing.XExamplePayloads.Names"/>
    /// or a bare kind such as <c>post.create</c>) and starts delivering it; see docs/emulator.md for who receives it.
    /// </summary>
    /// <returns>The deliveries started, one per webhook.</returns>
    /// <exception cref="KeyNotFoundException">No such event kind, or no webhook with <paramref name="webhookId"/>.</exception>
    /// <exception cref="InvalidOperationException">No webhook is registered.</exception>
    public Task<IReadOnlyList<XEmulatorDelivery>> TriggerAsync(string nameOrKind, string? webhookId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrKind);
        cancellationToken.ThrowIfCancellationRequested();
        var started = trigger.Trigger(nameOrKind, webhookId);
        lock (state.Gate)
        {
            return Task.FromResult<IReadOnlyList<XEmulatorDelivery>>([.. started.Select(record => record.Snapshot())]);
        }
    }

    /// <summary>Stops the emulator and releases its resources.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        await crcLoop.ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        http.Dispose();
        stopping.Dispose();
    }
}
