using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace XWebhooks.Cli.Tests;

/// <summary>
/// <c>--signature-header</c>, <c>--oauth2-secret</c> and <c>--crc-secret</c>, against a receiver that checks the
/// headers with its own HMAC (not the toolkit's signing code).
/// </summary>
public sealed class OAuth2SignatureTests
{
    private const string Consumer = "cli-consumer-secret";
    private const string OAuth2 = "cli-oauth2-client-secret";

    private static string Hmac(string secret, byte[] message) =>
        "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));

    /// <summary>Records each POST's signature headers next to what they should be, and answers 200 only when all present ones are right.</summary>
    private sealed class SignatureRecorder
    {
        public ConcurrentQueue<(string? Classic, string? OAuth2, bool Valid)> Posts { get; } = new();

        public async Task HandleAsync(HttpContext context)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var classic = context.Request.Headers.TryGetValue("x-twitter-webhooks-signature", out var c) ? c.ToString() : null;
            var oauth2 = context.Request.Headers.TryGetValue("X-Twitter-Webhooks-Signature-OAuth2", out var o) ? o.ToString() : null;
            var valid = (classic is not null || oauth2 is not null)
                && (classic is null || classic == Hmac(Consumer, body))
                && (oauth2 is null || oauth2 == Hmac(OAuth2, body));
            Posts.Enqueue((classic, oauth2, valid));
            context.Response.StatusCode = valid ? 200 : 401;
        }
    }

    [Theory]
    [InlineData(null, true, false)]
    [InlineData("classic", true, false)]
    [InlineData("oauth2", false, true)]
    [InlineData("both", true, true)]
    public async Task Send_carries_the_chosen_signature_headers_keyed_with_their_secrets(string? choice, bool classic, bool oauth2)
    {
        var recorder = new SignatureRecorder();
        await using var receiver = await LoopbackApp.StartAsync(app => app.Run(recorder.HandleAsync));
        string[] args = ["send", receiver.BaseAddress.ToString(), "--secret", Consumer, "--oauth2-secret", OAuth2, "--event", "post.create"];

        var run = await CliRun.RunAsync(choice is null ? args : [.. args, "--signature-header", choice]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var post = Assert.Single(recorder.Posts);
        Assert.True(post.Valid);
        Assert.Equal((classic, oauth2), (post.Classic is not null, post.OAuth2 is not null));
    }

    [Fact]
    public async Task Send_oauth2_only_needs_no_consumer_secret_and_reads_the_environment()
    {
        var recorder = new SignatureRecorder();
        await using var receiver = await LoopbackApp.StartAsync(app => app.Run(recorder.HandleAsync));

        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["XWebhooks__OAuth2ClientSecret"] = OAuth2 }, "send", receiver.BaseAddress.ToString(), "--signature-header", "oauth2", "--event", "post.create");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("signed (x-twitter-webhooks-signature-oauth2)", run.Out);
        Assert.True(Assert.Single(recorder.Posts).Valid);
    }

    [Fact]
    public async Task Send_oauth2_without_the_oauth2_secret_is_a_usage_error_that_says_how_to_give_it()
    {
        var run = await CliRun.RunAsync("send", "http://127.0.0.1:9/webhooks/x", "--secret", Consumer, "--signature-header", "both", "--event", "post.create");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--oauth2-secret", run.Error);
        Assert.Contains("XWEBHOOKS_OAUTH2_SECRET", run.Error);
    }

    [Fact]
    public async Task Send_refused_with_the_oauth2_header_hints_at_the_oauth2_secret()
    {
        var recorder = new SignatureRecorder();
        await using var receiver = await LoopbackApp.StartAsync(app => app.Run(recorder.HandleAsync));

        var run = await CliRun.RunAsync("send", receiver.BaseAddress.ToString(), "--oauth2-secret", "another-secret", "--signature-header", "oauth2", "--event", "post.create");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("401", run.Out);
        Assert.Contains("XWebhooks:OAuth2ClientSecret", run.Out);
    }

    [Fact]
    public async Task Load_signs_every_request_with_the_oauth2_header()
    {
        var recorder = new SignatureRecorder();
        await using var receiver = await LoopbackApp.StartAsync(app => app.Run(recorder.HandleAsync));

        var run = await CliRun.RunAsync("load", receiver.BaseAddress.ToString(), "--oauth2-secret", OAuth2, "--signature-header", "oauth2", "--event", "post.create", "--rate", "20", "--duration", "500ms", "--concurrency", "2", "--unique-ids");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Errors: none", run.Out);
        Assert.NotEmpty(recorder.Posts);
        Assert.All(recorder.Posts, post => Assert.Equal((null, true), (post.Classic, post.Valid)));
    }

    private static Task<LoopbackApp> CrcReceiverAsync(string secret) => LoopbackApp.StartAsync(app => app.Run(context =>
    {
        var token = context.Request.Query["crc_token"].ToString();
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($$"""{"response_token":"{{Hmac(secret, Encoding.ASCII.GetBytes(token))}}"}""");
    }));

    [Fact]
    public async Task Crc_checked_with_the_oauth2_secret_passes_when_the_receiver_answers_with_it()
    {
        await using var receiver = await CrcReceiverAsync(OAuth2);

        var run = await CliRun.RunAsync("crc", receiver.BaseAddress.ToString(), "--crc-secret", "oauth2", "--oauth2-secret", OAuth2);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("OK: the CRC answer is right", run.Out);
    }

    [Fact]
    public async Task Crc_answered_with_the_consumer_secret_fails_the_oauth2_check_and_says_what_to_try()
    {
        await using var receiver = await CrcReceiverAsync(Consumer);

        var run = await CliRun.RunAsync("crc", receiver.BaseAddress.ToString(), "--crc-secret", "oauth2", "--oauth2-secret", OAuth2);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("not signed with this OAuth 2.0 client secret", run.Out);
        Assert.Contains("try without --crc-secret oauth2", run.Out);
    }

    [Fact]
    public async Task Crc_answered_with_the_oauth2_secret_fails_the_default_check_and_says_what_to_try()
    {
        await using var receiver = await CrcReceiverAsync(OAuth2);

        var run = await CliRun.RunAsync("crc", receiver.BaseAddress.ToString(), "--secret", Consumer);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("try --crc-secret oauth2", run.Out);
    }

    [Fact]
    public async Task Unknown_signature_header_choice_is_refused()
    {
        var run = await CliRun.RunAsync("send", "http://127.0.0.1:9/webhooks/x", "--secret", Consumer, "--signature-header", "oauth1", "--event", "post.create");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("oauth1", run.All);
    }
}
