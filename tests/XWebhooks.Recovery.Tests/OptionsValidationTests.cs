using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace XWebhooks.Recovery.Tests;

/// <summary>Bad gap recovery settings stop the app at start with one error per broken rule, naming the full key and the value.</summary>
public sealed class OptionsValidationTests
{
    private static WebApplication Build(Dictionary<string, string?> settings) => LoopbackApp.Build(builder =>
    {
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddXWebhooks(o => o.ConsumerSecret = "s")
            .AddGapRecovery(builder.Configuration.GetSection("XWebhooks:GapRecovery"));
    });

    private static async Task<IEnumerable<string>> StartFailuresAsync(string key, string value)
    {
        await using var app = Build(new() { [key] = value });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        return error.Failures;
    }

    [Theory]
    [InlineData("XWebhooks:GapRecovery:WebhookId", "my-webhook", "XWebhooks:GapRecovery:WebhookId must be an X id (1 to 19 digits); it is 'my-webhook'. It is X's webhook id, as GET /2/webhooks lists it.")]
    [InlineData("XWebhooks:GapRecovery:WebhookId", "11466545676749127691", "XWebhooks:GapRecovery:WebhookId must be an X id (1 to 19 digits); it is '11466545676749127691'. It is X's webhook id, as GET /2/webhooks lists it.")]
    [InlineData("XWebhooks:GapRecovery:MinimumGap", "-00:00:01", "XWebhooks:GapRecovery:MinimumGap must be at least 00:00:00; it is -00:00:01.")]
    [InlineData("XWebhooks:GapRecovery:Margin", "-00:00:01", "XWebhooks:GapRecovery:Margin must be at least 00:00:00 and below 1.00:00:00; it is -00:00:01. X replays at most the past 24 hours.")]
    [InlineData("XWebhooks:GapRecovery:Margin", "1.00:00:00", "XWebhooks:GapRecovery:Margin must be at least 00:00:00 and below 1.00:00:00; it is 1.00:00:00. X replays at most the past 24 hours.")]
    [InlineData("XWebhooks:GapRecovery:MinimumToDateAge", "-00:00:01", "XWebhooks:GapRecovery:MinimumToDateAge must be at least 00:00:00 and at most 01:00:00; it is -00:00:01.")]
    [InlineData("XWebhooks:GapRecovery:MinimumToDateAge", "01:00:01", "XWebhooks:GapRecovery:MinimumToDateAge must be at least 00:00:00 and at most 01:00:00; it is 01:00:01.")]
    public async Task Every_gap_recovery_rule_fails_at_start_naming_its_key(string key, string value, string expected)
    {
        Assert.Equal([expected], await StartFailuresAsync(key, value));
    }

    private static async Task<IEnumerable<string>> StartFailuresAsync(Action<WebApplicationBuilder> configure)
    {
        await using var app = LoopbackApp.Build(configure);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        return error.Failures;
    }

    [Fact]
    public async Task Gap_recovery_options_set_in_code_are_held_to_the_same_rules()
    {
        var failures = await StartFailuresAsync(b => b.Services.AddXWebhooks(o => o.ConsumerSecret = "s").AddGapRecovery(o => o.Margin = TimeSpan.FromDays(2)));

        Assert.Equal(["XWebhooks:GapRecovery:Margin must be at least 00:00:00 and below 1.00:00:00; it is 2.00:00:00. X replays at most the past 24 hours."], failures);
    }
}
