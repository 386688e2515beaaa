using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using XWebhooks.Testing;

namespace XWebhooks.Emulator.Tests;

/// <summary>
/// A webhook receiver on 127.0.0.1 whose behaviour a test switches: answers CRCs right or wrong, and POSTs
/// with a chosen status. Records every POST with whether its signature was right.
/// </summary>
internal sealed class ScriptedReceiver : IAsyncDisposable
{
    private readonly string secret;
    private LoopbackApp app = null!;

    private ScriptedReceiver(string secret) => this.secret = secret;

    public bool AnswerCrcCorrectly { get; set; } = true;

    public int PostStatus { get; set; } = 200;

    /// <summary>Answer CRCs with a redirect to a path that answers them correctly (X counts a 3xx as a failure).</summary>
    public bool RedirectCrc { get; set; }

    /// <summary>How long to wait before answering a POST.</summary>
    public TimeSpan PostDelay { get; set; }

    public ConcurrentQueue<(byte[] Body, bool SignatureValid)> Posts { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<ScriptedReceiver> StartAsync(string secret)
    {
        var receiver = new ScriptedReceiver(secret);
        receiver.app = await LoopbackApp.StartAsync(receiver.Map);
        receiver.Url = new Uri(receiver.app.BaseAddress, "webhooks/x");
        return receiver;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/webhooks/x", (RequestDelegate)(async context =>
        {
            var token = context.Request.Query["crc_token"].ToString();
            if (RedirectCrc)
            {
                context.Response.Redirect("/webhooks/correct" + context.Request.QueryString);
                return;
            }

            var answer = XWebhookTestKit.ExpectedCrcResponseToken(AnswerCrcCorrectly ? token : token + "-wrong", secret);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"response_token\":\"" + answer + "\"}");
        }));
        app.MapGet("/webhooks/correct", (RequestDelegate)(async context =>
        {
            var token = context.Request.Query["crc_token"].ToString();
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"response_token\":\"" + XWebhookTestKit.ExpectedCrcResponseToken(token, secret) + "\"}");
        }));
        app.MapPost("/webhooks/x", (RequestDelegate)(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var valid = context.Request.Headers["x-twitter-webhooks-signature"].ToString() == XWebhookTestKit.Sign(body, secret);
            Posts.Enqueue((body, valid));
            if (PostDelay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(PostDelay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return; // the emulator gave up waiting
                }
            }

            context.Response.StatusCode = PostStatus;
        }));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
