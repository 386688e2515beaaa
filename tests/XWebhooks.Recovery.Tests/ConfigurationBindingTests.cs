using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XWebhooks.Health;

namespace XWebhooks.Recovery.Tests;

/// <summary>Gap recovery's and the health check's options come from their configuration sections, every key.</summary>
public sealed class ConfigurationBindingTests
{
    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddXWebhooks(o => o.ConsumerSecret = "s")
            .AddGapRecovery(builder.Configuration.GetSection("XWebhooks:GapRecovery"));
        builder.Services.AddHealthChecks().AddXWebhooksHealthCheck(builder.Configuration.GetSection("XWebhooks:Health"));
        return builder.Build();
    }

    private static async Task<string> StartFailureAsync(string key, string value)
    {
        await using var app = Build(new() { [key] = value });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());
        return error.Message;
    }

    [Fact]
    public async Task Every_gap_recovery_key_is_bound()
    {
        await using var app = Build(new()
        {
            ["XWebhooks:GapRecovery:WebhookId"] = "1146654567674912769",
            ["XWebhooks:GapRecovery:MinimumGap"] = "00:07:00",
            ["XWebhooks:GapRecovery:Margin"] = "00:03:30",
            ["XWebhooks:GapRecovery:MinimumToDateAge"] = "00:00:00",
        });

        var options = app.Services.GetRequiredService<IOptions<XWebhooksGapRecoveryOptions>>().Value;

        Assert.Equal("1146654567674912769", options.WebhookId);
        Assert.Equal(TimeSpan.FromMinutes(7), options.MinimumGap);
        Assert.Equal(TimeSpan.FromSeconds(210), options.Margin);
        Assert.Equal(TimeSpan.Zero, options.MinimumToDateAge);
    }

    [Fact]
    public async Task Every_health_key_is_bound()
    {
        await using var app = Build(new()
        {
            ["XWebhooks:Health:CrcStaleAfter"] = "1.02:00:00",
            ["XWebhooks:Health:SignatureWindow"] = "00:20:00",
            ["XWebhooks:Health:SignatureFailureRateThreshold"] = "0.25",
            ["XWebhooks:Health:MinimumSignatureAttempts"] = "50",
            ["XWebhooks:Health:CheckWebhookAtX"] = "false",
            ["XWebhooks:Health:WebhookId"] = "42",
            ["XWebhooks:Health:WebhookStatusCacheDuration"] = "00:01:00",
        });

        var options = app.Services.GetRequiredService<IOptions<XWebhooksHealthCheckOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(26), options.CrcStaleAfter);
        Assert.Equal(TimeSpan.FromMinutes(20), options.SignatureWindow);
        Assert.Equal(0.25, options.SignatureFailureRateThreshold);
        Assert.Equal(50, options.MinimumSignatureAttempts);
        Assert.False(options.CheckWebhookAtX);
        Assert.Equal("42", options.WebhookId);
        Assert.Equal(TimeSpan.FromMinutes(1), options.WebhookStatusCacheDuration);
    }

    [Fact]
    public async Task Missing_keys_keep_the_defaults()
    {
        await using var app = Build([]);

        var recovery = app.Services.GetRequiredService<IOptions<XWebhooksGapRecoveryOptions>>().Value;
        var health = app.Services.GetRequiredService<IOptions<XWebhooksHealthCheckOptions>>().Value;

        Assert.Equal((null, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)), (recovery.WebhookId, recovery.MinimumGap, recovery.Margin, recovery.MinimumToDateAge));
        Assert.Equal((TimeSpan.FromHours(25), 0.1, 20, true), (health.CrcStaleAfter, health.SignatureFailureRateThreshold, health.MinimumSignatureAttempts, health.CheckWebhookAtX));
    }

    [Theory]
    [InlineData("XWebhooks:GapRecovery:MinimumGap", "abc")]
    [InlineData("XWebhooks:GapRecovery:Margin", "5 minutes")]
    [InlineData("XWebhooks:GapRecovery:MinimumToDateAge", "10m")]
    [InlineData("XWebhooks:Health:CrcStaleAfter", "soon")]
    [InlineData("XWebhooks:Health:SignatureFailureRateThreshold", "ten percent")]
    [InlineData("XWebhooks:Health:MinimumSignatureAttempts", "2.5")]
    [InlineData("XWebhooks:Health:CheckWebhookAtX", "yes")]
    public async Task A_value_that_does_not_convert_stops_the_start_naming_its_key(string key, string value)
    {
        var message = await StartFailureAsync(key, value);

        Assert.Contains($"'{key}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_out_of_range_stops_the_start_naming_its_full_key()
    {
        await using var app = Build(new() { ["XWebhooks:GapRecovery:MinimumGap"] = "-00:01:00" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("XWebhooks:GapRecovery:MinimumGap must be at least 00:00:00; it is -00:01:00.", error.Message, StringComparison.Ordinal);
    }
}
