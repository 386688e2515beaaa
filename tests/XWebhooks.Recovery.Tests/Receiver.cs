using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XWebhooks.Hosting;

namespace XWebhooks.Recovery.Tests;

/// <summary>A receiver app on a real Kestrel at 127.0.0.1 with the SQLite inbox; the test adds features.</summary>
public sealed class Receiver : IAsyncDisposable
{
    public const string Secret = "recovery-tests-secret";
    public const string Path = "/webhooks/x";

    private Receiver(WebApplication app, Uri url)
    {
        App = app;
        Url = url;
    }

    public WebApplication App { get; }

    public Uri Url { get; }

    public IServiceProvider Services => App.Services;

    public HandledEvents Handled => App.Services.GetRequiredService<HandledEvents>();

    /// <summary>Starts a receiver on <paramref name="port"/> (0 = any free port) with its inbox in <paramref name="databasePath"/>.</summary>
    public static async Task<Receiver> StartAsync(string databasePath, int port = 0, Action<WebApplicationBuilder, XWebhooksBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<HandledEvents>();
        var webhooks = builder.Services.AddXWebhooks(o => o.ConsumerSecret = Secret)
            .AddSqliteInbox(o => o.Path = databasePath, w => w.PollInterval = TimeSpan.FromMilliseconds(100));
        configure?.Invoke(builder, webhooks);

        var app = builder.Build();
        app.MapXWebhooks(Path);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Receiver(app, new Uri(address + Path));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
