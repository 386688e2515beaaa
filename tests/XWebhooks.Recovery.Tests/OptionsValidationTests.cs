using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace XWebhooks.Recovery.Tests;

/// <summary>Bad settings stop the app at start with a message that names the setting.</summary>
public sealed class OptionsValidationTests
{
    private static async Task<string> StartFailureAsync(Action<WebApplicationBuilder> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        configure(builder);
        await using var app = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        return error.Message;
    }

    [Fact]
    public async Task Gap_recovery_webhook_id_must_be_digits()
    {
        var message = await StartFailureAsync(b => b.Services.AddXWebhooks(o => o.ConsumerSecret = "s").AddGapRecovery(o => o.WebhookId = "my-webhook"));
        Assert.Contains("GapRecovery:WebhookId", message);
    }

    [Fact]
    public async Task Health_failure_rate_must_be_a_share()
    {
        var message = await StartFailureAsync(b =>
        {
            b.Services.AddXWebhooks(o => o.ConsumerSecret = "s");
            b.Services.AddHealthChecks().AddXWebhooksHealthCheck(o => o.SignatureFailureRateThreshold = 10);
        });
        Assert.Contains("SignatureFailureRateThreshold", message);
    }
}
