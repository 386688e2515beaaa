using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using XWebhooks.Delivery;
using XWebhooks.Hosting;
using XWebhooks.Testing;

namespace XWebhooks.TestSupport;

/// <summary>
/// An XWebhooks receiver as an app sets it up (<c>AddXWebhooks</c> + <c>MapXWebhooks</c> at <see cref="Path"/>) on a
/// real Kestrel at 127.0.0.1, with its logs and XWebhooks counters recorded. <see cref="TestReceiverOptions"/> says
/// what differs from the default.
/// </summary>
public sealed class TestReceiver : IAsyncDisposable
{
    /// <summary>The consumer secret unless the test sets another.</summary>
    public const string DefaultSecret = "test-consumer-secret";

    /// <summary>Where the endpoints are mapped.</summary>
    public const string Path = "/webhooks/x";

    private readonly LoopbackApp app;

    private TestReceiver(LoopbackApp app, string secret, LogCollector logs, CounterRecorder counters)
    {
        this.app = app;
        Secret = secret;
        Logs = logs;
        Counters = counters;
        Url = new Uri(app.BaseAddress, Path.TrimStart('/'));
    }

    /// <summary>The consumer secret the receiver was started with.</summary>
    public string Secret { get; }

    /// <summary>The webhook URL (the endpoints' address).</summary>
    public Uri Url { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>A client for requests to the receiver; disposed with it.</summary>
    public HttpClient Client { get; } = new();

    /// <summary>Every log entry of the host, at every level.</summary>
    public LogCollector Logs { get; }

    /// <summary>The counters of the host's meters (the XWebhooks ones among them).</summary>
    public CounterRecorder Counters { get; }

    /// <summary>Builds and starts a receiver; <paramref name="options"/> says what differs from the default.</summary>
    public static async Task<TestReceiver> StartAsync(TestReceiverOptions? options = null)
    {
        options ??= new TestReceiverOptions();
        var logs = options.Logs ?? new LogCollector();
        CounterRecorder? counters = null;
        LoopbackApp app;
        try
        {
            app = await LoopbackApp.StartAsync(
                configure: builder =>
                {
                    var xwebhooks = builder.Services.AddXWebhooks(o =>
                    {
                        o.ConsumerSecret = options.Secret;
                        options.Options?.Invoke(o);
                    });
                    options.Configure?.Invoke(xwebhooks);
                    if (options.Dispatcher is { } dispatcher)
                    {
                        builder.Services.RemoveAll<IXWebhookDispatcher>();
                        builder.Services.AddSingleton(dispatcher);
                    }
                },
                map: built =>
                {
                    built.MapXWebhooks(Path);
                    counters = new CounterRecorder(built.Services.GetRequiredService<IMeterFactory>()); // before start: nothing is missed
                    options.BeforeStart?.Invoke();
                },
                port: options.Port,
                logs: logs);
        }
        catch
        {
            counters?.Dispose();
            throw;
        }

        return new TestReceiver(app, options.Secret, logs, counters!);
    }

    /// <summary>
    /// The webhook URL of the app <paramref name="services"/> belong to, from its bound address: for code that
    /// runs inside the app once it listens, such as a registration helper.
    /// </summary>
    public static Uri WebhookUrl(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + Path);

    /// <summary>The registered dispatcher of type <typeparamref name="T"/> (the one given in <see cref="TestReceiverOptions.Dispatcher"/>).</summary>
    public T Dispatcher<T>()
        where T : IXWebhookDispatcher
        => app.Services.GetServices<IXWebhookDispatcher>().OfType<T>().Single();

    /// <summary>POSTs <paramref name="body"/> signed with <see cref="Secret"/>, as X delivers it.</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body)
    {
        using var request = XWebhookTestKit.CreateSignedPost(Url, body, Secret);
        return await Client.SendAsync(request);
    }

    /// <summary>POSTs <paramref name="body"/> as <see cref="PostAsync"/> does and returns the status and the response body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAndReadAsync(byte[] body)
    {
        using var response = await PostAsync(body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Stops the receiver; safe to call twice (tests stop it early to make X's CRC or deliveries fail).</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
        Counters.Dispose();
    }
}
