using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XWebhooks.Hosting;

namespace XWebhooks.Management.Tests;

/// <summary>A real XWebhooks receiver on Kestrel (127.0.0.1, free port): it answers the emulator's CRC challenges.</summary>
internal sealed class ReceiverApp : IAsyncDisposable
{
    public const string Path = "/webhooks/x";

    private readonly WebApplication app;

    private ReceiverApp(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Starts a receiver (on <paramref name="port"/>, 0 = free); <paramref name="extend"/> may add registration helpers, which then see <see cref="Url"/> through the server's address.</summary>
    public static async Task<ReceiverApp> StartAsync(string consumerSecret, Action<WebApplicationBuilder, XWebhooksBuilder>? extend = null, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var xwebhooks = builder.Services.AddXWebhooks(o => o.ConsumerSecret = consumerSecret);
        extend?.Invoke(builder, xwebhooks);
        var app = builder.Build();
        app.MapXWebhooks(Path);
        await app.StartAsync();
        return new ReceiverApp(app, ServerUrl(app.Services));
    }

    /// <summary>The receiver's webhook URL from the bound address (usable once the server started).</summary>
    public static Uri ServerUrl(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + Path);

    private int disposed;

    /// <summary>Stops the receiver; safe to call twice (tests stop it early to make X's CRC or deliveries fail).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }
}
