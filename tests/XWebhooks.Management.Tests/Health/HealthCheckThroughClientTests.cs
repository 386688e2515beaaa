using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using XWebhooks.Health;

namespace XWebhooks.Management.Tests.Health;

/// <summary>The health check asking the real <c>XWebhooksClient</c> (HTTP stubbed) whether X lists the webhook as valid.</summary>
public sealed class HealthCheckThroughClientTests
{
    private const string WebhookId = "1146654567674912769";

    private static ServiceProvider Build(StubHandler x)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddXWebhooks(o => o.ConsumerSecret = "s");
        services.AddXWebhooksClient(o => o.BearerToken = "test-bearer").ConfigurePrimaryHttpMessageHandler(() => x);
        services.AddHealthChecks().AddXWebhooksHealthCheck(o => o.WebhookId = WebhookId);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<XWebhooksHealthState>().CrcChecked(answered: true, DateTimeOffset.UtcNow);
        return provider;
    }

    [Fact]
    public async Task Unhealthy_when_x_lists_the_webhook_as_invalid()
    {
        var x = new StubHandler().Ok("""{"data":[{"id":"WEBHOOK","url":"https://b.example/x","valid":false}]}""".Replace("WEBHOOK", WebhookId, StringComparison.Ordinal));
        await using var provider = Build(x);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(false, report.Entries["xwebhooks"].Data["webhook_valid"]);
        Assert.Equal("/2/webhooks", Assert.Single(x.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task Degraded_with_validity_unknown_when_x_fails()
    {
        var x = new StubHandler().Respond(HttpStatusCode.ServiceUnavailable, """{"title":"Service Unavailable"}""");
        await using var provider = Build(x);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Equal("unknown", report.Entries["xwebhooks"].Data["webhook_valid"]);
        Assert.Single(x.Requests);
    }
}
