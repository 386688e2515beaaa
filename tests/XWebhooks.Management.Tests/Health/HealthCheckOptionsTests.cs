using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XWebhooks.Health;

namespace XWebhooks.Management.Tests.Health;

/// <summary>
/// The health check's options come from <c>XWebhooks:Health</c>, every key; bad settings stop the app at start with one
/// error per broken rule, naming the full key and the value.
/// </summary>
public sealed class HealthCheckOptionsTests
{
    private static WebApplication Build(Dictionary<string, string?> settings) => LoopbackApp.Build(builder =>
    {
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddXWebhooks(o => o.ConsumerSecret = "s");
        builder.Services.AddHealthChecks().AddXWebhooksHealthCheck(builder.Configuration.GetSection("XWebhooks:Health"));
    });

    private static async Task<IEnumerable<string>> StartFailuresAsync(string key, string value)
    {
        await using var app = Build(new() { [key] = value });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        return error.Failures;
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

        var health = app.Services.GetRequiredService<IOptions<XWebhooksHealthCheckOptions>>().Value;

        Assert.Equal((TimeSpan.FromHours(25), 0.1, 20, true), (health.CrcStaleAfter, health.SignatureFailureRateThreshold, health.MinimumSignatureAttempts, health.CheckWebhookAtX));
    }

    [Theory]
    [InlineData("XWebhooks:Health:CrcStaleAfter", "soon")]
    [InlineData("XWebhooks:Health:SignatureFailureRateThreshold", "ten percent")]
    [InlineData("XWebhooks:Health:MinimumSignatureAttempts", "2.5")]
    [InlineData("XWebhooks:Health:CheckWebhookAtX", "yes")]
    public async Task A_value_that_does_not_convert_stops_the_start_naming_its_key(string key, string value)
    {
        await using var app = Build(new() { [key] = value });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XWebhooks:Health:CrcStaleAfter", "00:00:00", "XWebhooks:Health:CrcStaleAfter must be more than 00:00:00; it is 00:00:00.")]
    [InlineData("XWebhooks:Health:SignatureWindow", "00:00:29", "XWebhooks:Health:SignatureWindow must be at least 00:00:30; it is 00:00:29.")]
    [InlineData("XWebhooks:Health:SignatureFailureRateThreshold", "-0.5", "XWebhooks:Health:SignatureFailureRateThreshold must be at least 0 and below 1; it is -0.5.")]
    [InlineData("XWebhooks:Health:SignatureFailureRateThreshold", "1", "XWebhooks:Health:SignatureFailureRateThreshold must be at least 0 and below 1; it is 1.")]
    [InlineData("XWebhooks:Health:SignatureFailureRateThreshold", "NaN", "XWebhooks:Health:SignatureFailureRateThreshold must be at least 0 and below 1; it is NaN.")]
    [InlineData("XWebhooks:Health:MinimumSignatureAttempts", "0", "XWebhooks:Health:MinimumSignatureAttempts must be at least 1; it is 0.")]
    [InlineData("XWebhooks:Health:WebhookId", "wh-1", "XWebhooks:Health:WebhookId must be an X id (1 to 19 digits); it is 'wh-1'. It is X's webhook id, as GET /2/webhooks lists it.")]
    [InlineData("XWebhooks:Health:WebhookStatusCacheDuration", "-00:00:01", "XWebhooks:Health:WebhookStatusCacheDuration must be at least 00:00:00; it is -00:00:01.")]
    public async Task Every_health_rule_fails_at_start_naming_its_key(string key, string value, string expected)
    {
        Assert.Equal([expected], await StartFailuresAsync(key, value));
    }

    [Fact]
    public async Task The_signature_window_floor_is_one_second_per_bucket_of_the_health_state()
    {
        var floor = TimeSpan.FromSeconds(XWebhooksHealthState.BucketCount);
        await using var atFloor = Build(new() { ["XWebhooks:Health:SignatureWindow"] = floor.ToString("c") });
        await atFloor.StartAsync();
        await atFloor.StopAsync();

        var failures = await StartFailuresAsync("XWebhooks:Health:SignatureWindow", (floor - TimeSpan.FromTicks(1)).ToString("c"));
        Assert.StartsWith($"XWebhooks:Health:SignatureWindow must be at least {floor:c};", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_options_set_in_code_are_held_to_the_same_rules()
    {
        await using var app = LoopbackApp.Build(builder =>
        {
            builder.Services.AddXWebhooks(o => o.ConsumerSecret = "s");
            builder.Services.AddHealthChecks().AddXWebhooksHealthCheck(o => o.SignatureFailureRateThreshold = 10);
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Equal(["XWebhooks:Health:SignatureFailureRateThreshold must be at least 0 and below 1; it is 10."], error.Failures);
    }
}
