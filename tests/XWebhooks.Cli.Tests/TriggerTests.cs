using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using XWebhooks.EndToEnd.Tests.Crash;

namespace XWebhooks.Cli.Tests;

/// <summary><c>trigger</c> against a stand-in of the emulator's control API.</summary>
public sealed class TriggerTests
{
    [Fact]
    public async Task Trigger_posts_the_event_and_prints_where_each_delivery_went()
    {
        string? received = null;
        await using var emulator = await LoopbackApp.StartAsync(app => app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            received = context.Request.Method + " " + context.Request.Path + " " + await reader.ReadToEndAsync();
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"deliveries":[{"id":"d1","webhook_id":"123","url":"http://127.0.0.1:1/webhooks/x","event":"activity/post.create"}]}""");
        }));

        var run = await CliRun.RunAsync("trigger", "post.create", "--emulator", emulator.BaseAddress.ToString(), "--webhook-id", "123");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("POST /emulator/trigger ", received);
        using var body = JsonDocument.Parse(received!["POST /emulator/trigger ".Length..]);
        Assert.Equal("activity/post.create", body.RootElement.GetProperty("event").GetString());
        Assert.Equal("123", body.RootElement.GetProperty("webhook_id").GetString());
        Assert.Contains("1 deliveries", run.Out);
        Assert.Contains("delivery d1 → webhook 123 http://127.0.0.1:1/webhooks/x", run.Out);
    }

    [Fact]
    public async Task Trigger_without_a_valid_webhook_exits_1()
    {
        await using var emulator = await LoopbackApp.StartAsync(app => app.Run(context =>
        {
            context.Response.StatusCode = 409;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("""{"error":"no valid webhook"}""");
        }));

        var run = await CliRun.RunAsync("trigger", "post.create", "--emulator", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("no webhook to deliver to", run.Out);
    }

    [Fact]
    public async Task Trigger_unknown_event_is_bad_input()
    {
        var run = await CliRun.RunAsync("trigger", "post.creat", "--emulator", "http://127.0.0.1:9");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("activity/post.create", run.Error);
    }

    [Fact]
    public async Task Trigger_with_no_emulator_running_says_so()
    {
        var run = await CliRun.RunAsync("trigger", "post.create", "--emulator", $"http://127.0.0.1:{SampleProcess.FreePort()}");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("connection refused", run.Out);
        Assert.Contains("xwebhooks emulate", run.Out);
    }
}
