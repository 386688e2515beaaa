using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace XWebhooks.Management.Tests;

/// <summary>EnsureWebhookRegistered / EnsureActivitySubscriptions against a scripted X (no server needed: the stub plays X).</summary>
public sealed class RegistrationTests
{
    private static readonly Uri PublicUrl = new("https://bot.example/webhooks/x");

    [Fact]
    public async Task A_missing_webhook_is_created_and_its_id_published()
    {
        var stub = new StubHandler()
            .Ok("""{"data":[{"id":"1","url":"https://other.example/x","valid":true}]}""")
            .Ok("""{"data":{"id":"2","url":"https://bot.example/webhooks/x","valid":true}}""");
        using var host = Build(stub, b => b.EnsureWebhookRegistered(PublicUrl, o => o.FailStartupOnError = true));

        await host.StartAsync();

        var registration = host.Services.GetRequiredService<XWebhookRegistration>();
        Assert.Equal(XWebhookRegistrationStatus.Created, registration.Status);
        Assert.Equal("2", registration.WebhookId);
        Assert.Equal("2", await registration.WaitForWebhookIdAsync());
        Assert.True(registration.Valid);
        Assert.Equal([HttpMethod.Get, HttpMethod.Post], stub.Requests.Select(r => r.Method));
        Assert.Equal("""{"url":"https://bot.example/webhooks/x"}""", stub.Requests[1].Body);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_valid_registered_webhook_is_left_alone()
    {
        var stub = new StubHandler().Ok("""{"data":[{"id":"7","url":"https://bot.example/webhooks/x","valid":true}]}""");
        using var host = Build(stub, b => b.EnsureWebhookRegistered(PublicUrl));

        await host.StartAsync();
        var id = await host.Services.GetRequiredService<XWebhookRegistration>().WaitForWebhookIdAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("7", id);
        Assert.Equal(XWebhookRegistrationStatus.AlreadyRegistered, host.Services.GetRequiredService<XWebhookRegistration>().Status);
        Assert.Single(stub.Requests);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_invalid_webhook_is_revalidated_with_put()
    {
        var stub = new StubHandler()
            .Ok("""{"data":[{"id":"7","url":"https://bot.example/webhooks/x","valid":false}]}""")
            .Ok("""{"data":{"valid":true}}""");
        using var host = Build(stub, b => b.EnsureWebhookRegistered(PublicUrl, o => o.FailStartupOnError = true));

        await host.StartAsync();

        var registration = host.Services.GetRequiredService<XWebhookRegistration>();
        Assert.Equal(XWebhookRegistrationStatus.Revalidated, registration.Status);
        Assert.Equal(HttpMethod.Put, stub.Requests[1].Method);
        Assert.Equal("/2/webhooks/7", stub.Requests[1].Uri.AbsolutePath);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_failed_check_is_logged_and_recorded_while_the_app_keeps_running()
    {
        var stub = new StubHandler()
            .Ok("""{"data":[{"id":"7","url":"https://bot.example/webhooks/x","valid":false}]}""")
            .Respond(HttpStatusCode.BadRequest, """{"errors":[{"title":"CrcValidationFailed"}]}""");
        var logs = new LogCollector();
        using var host = Build(stub, b => b.EnsureWebhookRegistered(PublicUrl), logs);

        await host.StartAsync();
        var registration = host.Services.GetRequiredService<XWebhookRegistration>();
        await registration.WaitForWebhookIdAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(XWebhookRegistrationStatus.Failed, registration.Status);
        Assert.Equal("7", registration.WebhookId);
        Assert.False(registration.Valid);
        Assert.Contains("fails X's CRC check", registration.Error, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.MessageAndException.Contains("fails X's CRC check", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.MessageAndException.Contains("app-token", StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task With_fail_startup_an_api_error_stops_the_host_from_starting()
    {
        var stub = new StubHandler()
            .Ok("""{"data":[]}""")
            .Respond(HttpStatusCode.Forbidden, """{"errors":[{"title":"Forbidden","detail":"WebhookLimitExceeded"}]}""");
        using var host = Build(stub, b => b.EnsureWebhookRegistered(PublicUrl, o => o.FailStartupOnError = true));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("WebhookLimitExceeded", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(XWebhookRegistrationStatus.Failed, host.Services.GetRequiredService<XWebhookRegistration>().Status);
    }

    [Fact]
    public async Task A_missing_client_is_reported_not_thrown()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddXWebhooks(o => o.ConsumerSecret = "secret").EnsureWebhookRegistered(PublicUrl);
        using var host = builder.Build();

        await host.StartAsync();
        var registration = host.Services.GetRequiredService<XWebhookRegistration>();

        Assert.Null(await registration.WaitForWebhookIdAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        await host.StopAsync();
    }

    [Fact]
    public async Task Missing_subscriptions_are_created_on_the_resolved_webhook_and_present_ones_kept()
    {
        var stub = new StubHandler()
            .Ok("""{"data":[{"id":"7","url":"https://bot.example/webhooks/x","valid":true}]}""")
            .Ok("""{"data":[{"subscription_id":"s1","event_type":"post.create","filter":{"user_id":"1"},"webhook_id":"7"},{"subscription_id":"s2","event_type":"post.delete","filter":{"user_id":"1"},"webhook_id":"other"}]}""")
            .Ok("""{"data":{"subscription":{"subscription_id":"s3","event_type":"post.delete","filter":{"user_id":"1"},"webhook_id":"7","tag":"bot"}}}""");
        using var host = Build(stub, b => b
            .EnsureWebhookRegistered(PublicUrl, o => o.FailStartupOnError = true)
            .EnsureActivitySubscriptions(
                new XActivitySubscriptionRequest("post.create", XActivitySubscriptionFilter.ForUser("1")),
                new XActivitySubscriptionRequest("post.delete", XActivitySubscriptionFilter.ForUser("1"), Tag: "bot")));

        await host.StartAsync();

        var registration = host.Services.GetRequiredService<XWebhookRegistration>();
        Assert.Equal(["s1", "s3"], registration.ActivitySubscriptions.Select(s => s.SubscriptionId));
        Assert.Null(registration.Error);
        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal("""{"event_type":"post.delete","filter":{"user_id":"1"},"tag":"bot","webhook_id":"7"}""", stub.Requests[2].Body);
        await host.StopAsync();
    }

    [Fact]
    public async Task Subscriptions_without_a_webhook_id_fail_clearly_when_no_webhook_is_resolved()
    {
        var stub = new StubHandler();
        using var host = Build(stub, b => b.EnsureActivitySubscriptions(new XActivitySubscriptionRequest("post.create", XActivitySubscriptionFilter.ForUser("1"))), failStartup: true);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("need the webhook id", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    private static IHost Build(StubHandler stub, Action<Hosting.XWebhooksBuilder> configure, LogCollector? logs = null, bool failStartup = false)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddXWebhooksClient(o =>
        {
            o.BearerToken = "app-token";
            o.BaseAddress = new Uri("https://api.test");
        }).ConfigurePrimaryHttpMessageHandler(() => stub);
        var xwebhooks = builder.Services.AddXWebhooks(o => o.ConsumerSecret = "secret");
        configure(xwebhooks);
        if (failStartup)
        {
            builder.Services.Configure<XWebhookRegistrationOptions>(o => o.FailStartupOnError = true);
        }
        return builder.Build();
    }
}
