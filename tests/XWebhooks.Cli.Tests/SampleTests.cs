using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using XWebhooks.EndToEnd.Tests.Crash;

namespace XWebhooks.Cli.Tests;

/// <summary>The commands, run in-process, against the real sample receiver.</summary>
[Collection(SampleCollection.Name)]
public sealed class SampleTests(SampleFixture sample)
{
    private static readonly Dictionary<string, string> SecretEnvironment = new() { ["XWebhooks__ConsumerSecret"] = SampleFixture.Secret };

    [Fact]
    public async Task Crc_answered_correctly_is_ok()
    {
        var run = await CliRun.RunAsync("crc", sample.Url.ToString(), "--secret", SampleFixture.Secret);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("OK", run.Out);
        Assert.Contains(" ms", run.Out);
    }

    [Fact]
    public async Task Crc_reads_the_secret_from_the_environment()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["XWEBHOOKS_SECRET"] = SampleFixture.Secret }, "crc", sample.Url.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Crc_with_the_wrong_secret_says_the_token_is_wrong()
    {
        var run = await CliRun.RunAsync("crc", sample.Url.ToString(), "--secret", "not-the-secret");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("response_token is wrong", run.Out);
        Assert.Contains("signed with a different consumer secret", run.Out);
    }

    [Theory]
    [InlineData("post.create", "post.create")]
    [InlineData("like.create", "like.create")]
    [InlineData("follow.follow", "follow.follow")]
    [InlineData("dm.received", "dm.received")]
    [InlineData("tweet_create_events", "tweet_create_events")]
    [InlineData("favorite_events", "favorite_events")]
    [InlineData("follow_events", "follow_events")]
    [InlineData("stream/post", "stream.post")]
    public async Task Send_event_reaches_the_matching_handler(string kind, string recordedType)
    {
        var before = sample.EventTypes().Count(type => type == recordedType);

        var run = await CliRun.RunAsync(SecretEnvironment, "send", sample.Url.ToString(), "--event", kind);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("200", run.Out);
        Assert.Equal(before + 1, sample.EventTypes().Count(type => type == recordedType));
        var id = sample.Events().Last(line => line.Type == recordedType).Id;
        Assert.EndsWith($"event={recordedType} id={id}", await sample.LoggedLineAsync($"event={recordedType} id={id}"));
    }

    [Fact]
    public async Task Send_keep_ids_sends_the_documented_example()
    {
        var before = sample.Events().Count;

        var run = await CliRun.RunAsync(SecretEnvironment, "send", sample.Url.ToString(), "--event", "activity/like.create", "--keep-ids");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("documented ids", run.Out);
        var added = Assert.Single(sample.Events().Skip(before));
        Assert.Equal("like.create", added.Type);
    }

    [Fact]
    public async Task Send_an_unhandled_kind_is_acknowledged_without_a_handled_event()
    {
        // The sample has no handler for post.delete: only its XUnknownEvent fallback sees it, which records the
        // raw event type with no id. None of the typed handlers runs.
        var before = sample.Events().Count;

        var run = await CliRun.RunAsync(SecretEnvironment, "send", sample.Url.ToString(), "--event", UnhandledKind);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("200", run.Out);
        var added = sample.Events().Skip(before).ToList();
        Assert.DoesNotContain(added, line => HandledTypes.Contains(line.Type));
        Assert.All(added, line => Assert.Null(line.Id));
    }

    [Fact]
    public async Task Send_with_the_wrong_secret_is_refused_and_exits_1()
    {
        var run = await CliRun.RunAsync("send", sample.Url.ToString(), "--event", "post.create", "--secret", "not-the-secret");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("FAILED", run.Out);
    }

    [Fact]
    public async Task Send_file_sends_its_exact_bytes()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, XWebhooks.Testing.XExamplePayloads.CreateUnique("post.create"));
            var before = sample.EventTypes().Count(type => type == "post.create");

            var run = await CliRun.RunAsync(SecretEnvironment, "send", sample.Url.ToString(), "--file", path);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(before + 1, sample.EventTypes().Count(type => type == "post.create"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Load_at_a_low_rate_prints_a_histogram_and_no_errors()
    {
        var run = await CliRun.RunAsync(SecretEnvironment, "load", sample.Url.ToString(), "--event", "post.create", "--rate", "20", "--duration", "2s", "--concurrency", "4", "--unique-ids");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("p50", run.Out);
        Assert.Contains("p90", run.Out);
        Assert.Contains("p99", run.Out);
        Assert.Contains("max", run.Out);
        Assert.Contains("Histogram:", run.Out);
        Assert.Contains("requests/s", run.Out);
        Assert.Contains("Errors: none", run.Out);
        Assert.Contains(", 0 errors", run.Out);
    }

    [Fact]
    public async Task Load_with_one_body_says_the_receiver_dedupes_it()
    {
        var run = await CliRun.RunAsync(SecretEnvironment, "load", sample.Url.ToString(), "--event", "favorite_events", "--rate", "10", "--duration", "1s", "--concurrency", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("dedupe", run.Out);
        Assert.Contains("Errors: none", run.Out);
    }

    /// <summary>An example kind the sample has no typed handler for.</summary>
    internal const string UnhandledKind = "activity/post.delete";

    private static readonly HashSet<string> HandledTypes =
        ["post.create", "like.create", "follow.follow", "dm.received", "tweet_create_events", "favorite_events", "follow_events", "stream.post"];
}

/// <summary>Failures that need no receiver, or a receiver that answers wrong.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task Crc_where_nothing_listens_reports_connection_refused()
    {
        var port = SampleProcess.FreePort();

        var run = await CliRun.RunAsync("crc", $"http://127.0.0.1:{port}/webhooks/x", "--secret", "s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("connection refused", run.Out);
    }

    [Fact]
    public async Task Crc_answered_as_text_plain_names_the_content_type()
    {
        await using var receiver = await LoopbackApp.StartAsync(app => app.Run(context =>
        {
            var token = context.Request.Query["crc_token"].ToString();
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync($"{{\"response_token\":\"{XWebhooks.Testing.XWebhookTestKit.ExpectedCrcResponseToken(token, "s")}\"}}");
        }));

        var run = await CliRun.RunAsync("crc", receiver.BaseAddress + "webhooks/x", "--secret", "s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("content type", run.Out);
        Assert.Contains("text/plain", run.Out);
        Assert.Contains("application/json", run.Out);
    }

    [Fact]
    public async Task Crc_answer_without_response_token_says_so()
    {
        await using var receiver = await LoopbackApp.StartAsync(app => app.Run(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{\"token\":\"x\"}");
        }));

        var run = await CliRun.RunAsync("crc", receiver.BaseAddress.ToString(), "--secret", "s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("no response_token", run.Out);
    }

    [Fact]
    public async Task Crc_non_200_reports_the_status()
    {
        await using var receiver = await LoopbackApp.StartAsync(app => app.Run(context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }));

        var run = await CliRun.RunAsync("crc", receiver.BaseAddress.ToString(), "--secret", "s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("status 404", run.Out);
    }

    [Fact]
    public async Task Send_non_200_exits_1()
    {
        await using var receiver = await LoopbackApp.StartAsync(app => app.Run(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        }));

        var run = await CliRun.RunAsync("send", receiver.BaseAddress.ToString(), "--secret", "s", "--event", "post.create");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("500", run.Out);
    }

    [Fact]
    public async Task Load_counts_errors_by_status_code()
    {
        await using var receiver = await LoopbackApp.StartAsync(app => app.Run(context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        }));

        var run = await CliRun.RunAsync("load", receiver.BaseAddress.ToString(), "--secret", "s", "--event", "post.create", "--rate", "10", "--duration", "1s", "--concurrency", "2");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("HTTP 503", run.Out);
    }

    [Fact]
    public async Task Send_file_with_invalid_json_is_bad_input()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "{ not json");

            var run = await CliRun.RunAsync("send", "http://127.0.0.1:9/webhooks/x", "--secret", "s", "--file", path);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("is not valid JSON", run.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Send_missing_file_is_bad_input()
    {
        var run = await CliRun.RunAsync("send", "http://127.0.0.1:9/webhooks/x", "--secret", "s", "--file", "/nonexistent/body.json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("file not found", run.Error);
    }

    [Fact]
    public async Task Unknown_event_is_bad_input_with_suggestions()
    {
        var run = await CliRun.RunAsync("send", "http://127.0.0.1:9/webhooks/x", "--secret", "s", "--event", "post.creat");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("unknown event type 'post.creat'", run.Error);
        Assert.Contains("activity/post.create", run.Error);
        Assert.Contains("xwebhooks events", run.Error);
    }

    [Fact]
    public async Task Load_unknown_event_is_bad_input()
    {
        var run = await CliRun.RunAsync("load", "http://127.0.0.1:9/webhooks/x", "--secret", "s", "--event", "nope");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("xwebhooks events", run.Error);
    }

    [Theory]
    [InlineData("/webhooks/x")]
    [InlineData("webhooks")]
    [InlineData("ftp://example.com/x")]
    public async Task Relative_or_bad_url_is_bad_input(string url)
    {
        var run = await CliRun.RunAsync("crc", url, "--secret", "s");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("absolute http(s)", run.Error);
    }

    [Fact]
    public async Task Missing_secret_is_bad_input()
    {
        var run = await CliRun.RunAsync("crc", "http://127.0.0.1:9/webhooks/x");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--secret", run.Error);
        Assert.Contains("XWEBHOOKS_SECRET", run.Error);
    }

    [Fact]
    public async Task Unknown_option_and_bad_duration_are_bad_input()
    {
        var unknown = await CliRun.RunAsync("crc", "http://127.0.0.1:9/x", "--bogus");
        var duration = await CliRun.RunAsync("load", "http://127.0.0.1:9/x", "-s", "s", "-e", "post.create", "--duration", "soon");

        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.True(duration.ExitCode == 2, duration.ToString());
        Assert.Contains("not a duration", duration.Error);
    }

    [Fact]
    public async Task Send_needs_exactly_one_of_event_and_file()
    {
        var neither = await CliRun.RunAsync("send", "http://127.0.0.1:9/x", "-s", "s");
        var both = await CliRun.RunAsync("send", "http://127.0.0.1:9/x", "-s", "s", "-e", "post.create", "-f", "x.json");

        Assert.Equal(2, neither.ExitCode);
        Assert.Equal(2, both.ExitCode);
    }

    [Fact]
    public async Task Events_lists_every_example_grouped_by_product()
    {
        var run = await CliRun.RunAsync("events");

        Assert.Equal(0, run.ExitCode);
        foreach (var name in XWebhooks.Testing.XExamplePayloads.Names)
        {
            Assert.Contains(name, run.Out);
        }

        var activity = run.Out.IndexOf("X Activity API", StringComparison.Ordinal);
        var accountActivity = run.Out.IndexOf("Account Activity API", StringComparison.Ordinal);
        var stream = run.Out.IndexOf("Filtered stream", StringComparison.Ordinal);
        Assert.True(activity >= 0 && accountActivity > activity && stream > accountActivity, run.Out);
        Assert.True(run.Out.IndexOf("activity/post.create", StringComparison.Ordinal) < accountActivity);
        Assert.True(run.Out.IndexOf("stream/post", StringComparison.Ordinal) > stream);
    }
}
