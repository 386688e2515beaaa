using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using XWebhooks.Hosting;

namespace XWebhooks.Tests.Hosting;

public sealed class StartupValidationTests
{
    private static OptionsValidationException StartWith(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddXWebhooks(builder.Configuration.GetSection(XWebhooksOptions.SectionName));
        var app = builder.Build();
        return Assert.Throws<OptionsValidationException>(() => app.MapXWebhooks("/webhooks/x"));
    }

    [Fact]
    public void Missing_consumer_secret_stops_the_app_with_a_message_that_says_how_to_fix_it()
    {
        var ex = StartWith([]);
        Assert.Contains("XWebhooks:ConsumerSecret is not set", ex.Message, StringComparison.Ordinal);
        Assert.Contains("XWebhooks__ConsumerSecret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_past_ten_seconds_and_bad_body_limit_are_refused()
    {
        var ex = StartWith(new()
        {
            ["XWebhooks:ConsumerSecret"] = "s",
            ["XWebhooks:ResponseBudget"] = "00:00:11",
            ["XWebhooks:MaxBodyBytes"] = "0",
        });
        Assert.Contains("ResponseBudget must be more than 0 and at most 00:00:10", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBodyBytes must be between 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_values_are_bound()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XWebhooks:ConsumerSecret"] = "primary",
            ["XWebhooks:SecondaryConsumerSecret"] = "secondary",
            ["XWebhooks:MaxBodyBytes"] = "2048",
            ["XWebhooks:ResponseBudget"] = "00:00:05",
        });
        builder.Services.AddXWebhooks(builder.Configuration.GetSection(XWebhooksOptions.SectionName));
        using var app = builder.Build();

        var options = app.Services.GetRequiredService<IOptions<XWebhooksOptions>>().Value;

        Assert.Equal(("primary", "secondary", 2048L, TimeSpan.FromSeconds(5)), (options.ConsumerSecret, options.SecondaryConsumerSecret, options.MaxBodyBytes, options.ResponseBudget));
    }

    [Fact]
    public void Unparseable_number_names_the_setting()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["XWebhooks:ConsumerSecret"] = "s", ["XWebhooks:MaxBodyBytes"] = "lots" });
        builder.Services.AddXWebhooks(builder.Configuration.GetSection(XWebhooksOptions.SectionName));
        using var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<IOptions<XWebhooksOptions>>().Value);
        Assert.Contains("MaxBodyBytes must be a whole number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapXWebhooks_without_AddXWebhooks_says_what_is_missing()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        var ex = Assert.Throws<InvalidOperationException>(() => app.MapXWebhooks("/webhooks/x"));
        Assert.Contains("AddXWebhooks", ex.Message, StringComparison.Ordinal);
    }
}
