using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace XWebhooks.TestSupport;

/// <summary>
/// A started ASP.NET Core app on a real Kestrel at 127.0.0.1: what a test needs to play a web server (a receiver,
/// a fake X) that another component reaches over HTTP. Logs go nowhere unless a collector is given.
/// </summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private int disposed;

    private LoopbackApp(WebApplication app)
    {
        App = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>The running app.</summary>
    public WebApplication App { get; }

    /// <summary>The bound address, ending with "/" (for example <c>http://127.0.0.1:54321/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Builds and starts an app: <paramref name="configure"/> registers services, <paramref name="map"/> adds
    /// endpoints (and may run code the test wants between build and start).
    /// </summary>
    /// <param name="map">Maps the app's endpoints; runs after build, before start.</param>
    /// <param name="configure">Registers services on the builder, or <see langword="null"/>.</param>
    /// <param name="port">The port to listen on; 0 picks a free one.</param>
    /// <param name="logs">Receives every log entry at every level, or <see langword="null"/> to drop them.</param>
    public static async Task<LoopbackApp> StartAsync(
        Action<WebApplication> map,
        Action<WebApplicationBuilder>? configure = null,
        int port = 0,
        ILoggerProvider? logs = null)
    {
        var app = Build(builder =>
        {
            if (logs is not null)
            {
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(logs);
            }

            configure?.Invoke(builder);
        }, port);
        try
        {
            map(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new LoopbackApp(app);
    }

    /// <summary>
    /// Builds an app as <see cref="StartAsync"/> does (Kestrel on 127.0.0.1, logs dropped unless <paramref name="configure"/>
    /// adds a provider) without starting it: for tests of what happens at start, such as options validation.
    /// </summary>
    /// <param name="configure">Registers services and configuration on the builder.</param>
    /// <param name="port">The port to listen on; 0 picks a free one.</param>
    public static WebApplication Build(Action<WebApplicationBuilder> configure, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        configure(builder);
        return builder.Build();
    }

    /// <summary>Stops and disposes the app; safe to call twice (tests stop a server early to make calls to it fail).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await App.StopAsync();
        await App.DisposeAsync();
    }
}
