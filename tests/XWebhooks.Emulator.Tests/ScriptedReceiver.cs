using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XWebhooks.Testing;

namespace XWebhooks.Emulator.Tests;

/// <summary>
/// A webhook receiver on 127.0.0.1 whose behaviour a test switches: answers CRCs right or wrong, and POSTs
/// with a chosen status. Records every POST with whether its signature was right.
/// </summary>
internal sealed class ScriptedReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private ScriptedReceiver(WebApplication app) => this.app = app;

    public bool AnswerCrcCorrectly { get; set; } = true;

    public int PostStatus { get; set; } = 200;

    public ConcurrentQueue<(byte[] Body, bool SignatureValid)> Posts { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<ScriptedReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new ScriptedReceiver(app);
        app.MapGet("/webhooks/x", (RequestDelegate)(async context =>
        {
            var token = context.Request.Query["crc_token"].ToString();
            var answer = XWebhookTestKit.ExpectedCrcResponseToken(receiver.AnswerCrcCorrectly ? token : token + "-wrong", secret);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"response_token\":\"" + answer + "\"}");
        }));
        app.MapPost("/webhooks/x", (RequestDelegate)(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var valid = context.Request.Headers["x-twitter-webhooks-signature"].ToString() == XWebhookTestKit.Sign(body, secret);
            receiver.Posts.Enqueue((body, valid));
            context.Response.StatusCode = receiver.PostStatus;
        }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/webhooks/x");
        return receiver;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
