using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace XWebhooks.Recovery.Tests;

/// <summary>Gap recovery's options come from their configuration section, every key.</summary>
public sealed class ConfigurationBindingTests
{
    private static WebApplication Build(Dictionary<string, string?> settings) => LoopbackApp.Build(builder =>
    {
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddXWebhooks(o => o.ConsumerSecret = "s")
            .AddGapRecovery(builder.Configuration.GetSection("XWebhooks:GapRecovery"));
    });

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
    public async Task Missing_keys_keep_the_defaults()
    {
        await using var app = Build([]);

        var recovery = app.Services.GetRequiredService<IOptions<XWebhooksGapRecoveryOptions>>().Value;

        Assert.Equal((null, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)), (recovery.WebhookId, recovery.MinimumGap, recovery.Margin, recovery.MinimumToDateAge));
    }

    [Theory]
    [InlineData("XWebhooks:GapRecovery:MinimumGap", "abc")]
    [InlineData("XWebhooks:GapRecovery:Margin", "5 minutes")]
    [InlineData("XWebhooks:GapRecovery:MinimumToDateAge", "10m")]
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
