using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XWebhooks.Delivery;
using XWebhooks.Hosting;

namespace XWebhooks.Tests.Hosting;

/// <summary>A real Kestrel server on 127.0.0.1 with the XWebhooks endpoints and a recording dispatcher.</summary>
internal sealed class ReceiverHost : IAsyncDisposable
{
    public const string Secret = "test-consumer-secret";
    public const string Path = "/webhooks/x";

    private readonly WebApplication app;
    private readonly MeterListener listener = new();

    private ReceiverHost(WebApplication app, RecordingDispatcher dispatcher)
    {
        this.app = app;
        Dispatcher = dispatcher;
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

    public RecordingDispatcher Dispatcher { get; }

    public HttpClient Client { get; } = new();

    public Uri Url { get; private set; } = null!;

    /// <summary>Counter totals keyed "name;tag=value;…" with tags sorted by key.</summary>
    public ConcurrentDictionary<string, long> Counters { get; } = new();

    public static async Task<ReceiverHost> StartAsync(Action<XWebhooksOptions>? configure = null, Action<XWebhooksBuilder>? extend = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var xwebhooks = builder.Services.AddXWebhooks(options =>
        {
            options.ConsumerSecret = Secret;
            configure?.Invoke(options);
        });
        extend?.Invoke(xwebhooks);
        var dispatcher = new RecordingDispatcher();
        builder.Services.AddSingleton<IXWebhookDispatcher>(dispatcher);
        var app = builder.Build();
        app.MapXWebhooks(Path);
        var host = new ReceiverHost(app, dispatcher);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        host.Url = new Uri(address + Path);
        return host;
    }

    public IServiceProvider Services => app.Services;

    public long Counter(string key) => Counters.GetValueOrDefault(key);

    public async ValueTask DisposeAsync()
    {
        listener.Dispose();
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
