using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XWebhooks.Hosting;
using XWebhooks.Testing;

namespace XWebhooks.CrossAssembly.Tests;

/// <summary>
/// The app's whole XWebhooks setup, as a user writes it: AddXWebhooks + MapXWebhooks on a real Kestrel on
/// 127.0.0.1, no handler of its own, nothing that names the handler library. The library's handlers report to
/// <see cref="Handled"/>, a framework type the app registers.
/// </summary>
internal sealed class AppReceiver : IAsyncDisposable
{
    public const string Secret = "cross-assembly-secret";

    private readonly WebApplication app;

    private AppReceiver(WebApplication app, Channel<string> handled, Uri url)
    {
        this.app = app;
        Handled = handled.Reader;
        Url = url;
    }

    public ChannelReader<string> Handled { get; }

    public Uri Url { get; }

    public HttpClient Client { get; } = new();

    /// <summary>Builds and starts the app; <paramref name="beforeStart"/> runs between Build and Start.</summary>
    public static async Task<AppReceiver> StartAsync(ILoggerProvider? logs = null, Action? beforeStart = null, Action<XWebhooksBuilder>? extend = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        var xwebhooks = builder.Services.AddXWebhooks(options => options.ConsumerSecret = Secret);
        extend?.Invoke(xwebhooks);
        var handled = Channel.CreateUnbounded<string>();
        builder.Services.AddSingleton(handled);
        var app = builder.Build();
        app.MapXWebhooks("/webhooks/x");
        beforeStart?.Invoke();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new AppReceiver(app, handled, new Uri(address + "/webhooks/x"));
    }

    public async Task<HttpResponseMessage> PostAsync(byte[] body)
    {
        using var request = XWebhookTestKit.CreateSignedPost(Url, body, Secret);
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
