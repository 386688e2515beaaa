using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using XWebhooks.Delivery;
using XWebhooks.Hosting;
using XWebhooks.Testing;

namespace XWebhooks.Tests.Drift;

/// <summary>
/// A real Kestrel on 127.0.0.1 with the XWebhooks endpoints, a dispatcher for every event model
/// (<see cref="ModelDispatcher"/>), every log entry captured and the XWebhooks counters summed.
/// </summary>
internal sealed class ModelReceiver : IAsyncDisposable
{
    public const string Secret = "drift-consumer-secret";

    private readonly WebApplication app;
    private readonly MeterListener listener = new();

    private ModelReceiver(WebApplication app, CapturedLogs logs)
    {
        this.app = app;
        Logs = logs;
        var meterScope = app.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterScope)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + string.Concat(tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $";{t.Key}={t.Value}"));
            Counters.AddOrUpdate(key, value, (_, old) => old + value);
        });
        listener.Start();
    }

    public ModelDispatcher Dispatcher => app.Services.GetServices<IXWebhookDispatcher>().OfType<ModelDispatcher>().Single();

    public CapturedLogs Logs { get; }

    /// <summary>Up to 8 connections, so bodies can be sent in parallel.</summary>
    public HttpClient Client { get; } = new(new SocketsHttpHandler { MaxConnectionsPerServer = 8 });

    public Uri Url { get; private set; } = null!;

    /// <summary>Counter totals keyed "name;tag=value;…" with tags sorted by key.</summary>
    public ConcurrentDictionary<string, long> Counters { get; } = new();

    public IServiceProvider Services => app.Services;

    public static async Task<ModelReceiver> StartAsync(Action<XWebhooksBuilder>? extend = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs);
        var xwebhooks = builder.Services.AddXWebhooks(options => options.ConsumerSecret = Secret);
        extend?.Invoke(xwebhooks);
        builder.Services.RemoveAll<IXWebhookDispatcher>();
        builder.Services.AddSingleton<IXWebhookDispatcher>(new ModelDispatcher());
        var app = builder.Build();
        app.MapXWebhooks("/webhooks/x");
        var receiver = new ModelReceiver(app, logs);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(address + "/webhooks/x");
        return receiver;
    }

    public async Task<(HttpStatusCode Status, string Reason)> PostAsync(byte[] body)
    {
        using var response = await Client.SendAsync(XWebhookTestKit.CreateSignedPost(Url, body, Secret));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public long Counter(string key) => Counters.GetValueOrDefault(key);

    /// <summary>The <c>xwebhooks.events.drift</c> totals by their tags ("path=…;product=…;type=…").</summary>
    public Dictionary<string, long> Drift() => Counters
        .Where(c => c.Key.StartsWith("xwebhooks.events.drift;", StringComparison.Ordinal))
        .ToDictionary(c => c.Key["xwebhooks.events.drift;".Length..], c => c.Value);

    /// <summary>The drift warnings logged (one per event type and path).</summary>
    public List<CapturedLogs.Entry> DriftWarnings() =>
        [.. Logs.Entries.Where(e => e.EventId.Name == "EventDrifted")];

    public async ValueTask DisposeAsync()
    {
        listener.Dispose();
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
