using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XWebhooks.Events.AccountActivity;
using XWebhooks.Events.Activity;
using XWebhooks.Events.Stream;

namespace XWebhooks.Emulator.Tests;

/// <summary>A real XWebhooks receiver (AddXWebhooks/MapXWebhooks, generated dispatcher) on 127.0.0.1.</summary>
internal sealed class LibraryReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private LibraryReceiver(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public HandledEvents Handled => app.Services.GetRequiredService<HandledEvents>();

    public static async Task<LibraryReceiver> StartAsync(string secret, Action<XWebhooks.Hosting.XWebhooksOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddXWebhooks(o =>
        {
            o.ConsumerSecret = secret;
            configure?.Invoke(o);
        });
        builder.Services.AddSingleton<HandledEvents>();
        var receiver = new LibraryReceiver(builder.Build());
        receiver.app.MapXWebhooks("/webhooks/x");
        await receiver.app.StartAsync();
        receiver.Url = new Uri(receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/webhooks/x");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>What the receiver's handlers saw: kind and id.</summary>
public sealed class HandledEvents
{
    public ConcurrentQueue<(string Kind, string? Id)> Calls { get; } = new();
}

/// <summary>Handlers of the test receiver; each records the event's id.</summary>
public sealed partial class EmulatorTestHandlers(HandledEvents handled)
{
    [XWebhookHandler]
    public void OnPost(PostCreated e) => handled.Calls.Enqueue(("post.create", e.EventUuid));

    [XWebhookHandler]
    public void OnFavorite(FavoriteEvent e) => handled.Calls.Enqueue(("favorite_events", e.Id));

    [XWebhookHandler]
    public void OnStream(StreamPost post) => handled.Calls.Enqueue(("stream/post", post.Data?.Id));

    [XWebhookHandler]
    public void OnReplayStatus(ReplayJobStatus status) => handled.Calls.Enqueue(("replay_job_status", status.JobId + "|" + status.JobState));
}
