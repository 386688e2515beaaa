using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XWebhooks.Testing;

namespace XWebhooks.EndToEnd.Tests;

/// <summary>
/// Schema drift through the generated dispatcher: its <c>Deserialize</c> hands the event to the runtime's lenient
/// reader with the request's services, so the handler gets the event and the drift is counted.
/// </summary>
public sealed class DriftThroughGeneratedDispatcherTests : IAsyncLifetime
{
    private const string Secret = "drift-end-to-end-secret";
    private readonly HttpClient client = new();
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> drift = new();
    private WebApplication app = null!;
    private Uri url = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddXWebhooks(o => o.ConsumerSecret = Secret);
        builder.Services.AddSingleton<Recorder>();
        app = builder.Build();
        app.MapXWebhooks("/webhooks/x");
        var meterScope = app.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterScope && instrument.Name == "xwebhooks.events.drift")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            drift.AddOrUpdate(string.Join(";", tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")), value, (_, old) => old + value));
        listener.Start();
        await app.StartAsync();
        url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/webhooks/x");
    }

    public async Task DisposeAsync()
    {
        listener.Dispose();
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_drifted_post_text_reaches_the_generated_handler_empty_and_is_counted()
    {
        var body = JsonNode.Parse(XExamplePayloads.Get("activity/post.create"))!;
        body["data"]!["payload"]!["text"] = new JsonObject { ["rich"] = "Hello" };

        using var response = await client.SendAsync(XWebhookTestKit.CreateSignedPost(url, Encoding.UTF8.GetBytes(body.ToJsonString()), Secret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("OnPost", "2080761390344937796|2080761390344937796|1111111111111111111|")], app.Services.GetRequiredService<Recorder>().Calls);
        Assert.Equal(new Dictionary<string, long> { ["path=$.payload.text;product=activity;type=post.create"] = 1 }, drift);
    }
}
