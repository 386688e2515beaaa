using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using XWebhooks.Hosting;
using XWebhooks.Security;

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
            ["XWebhooks:DedupeRetention"] = "2.00:00:00",
        });
        builder.Services.AddXWebhooks(builder.Configuration.GetSection(XWebhooksOptions.SectionName));
        using var app = builder.Build();

        var options = app.Services.GetRequiredService<IOptions<XWebhooksOptions>>().Value;

        Assert.Equal(("primary", "secondary", 2048L, TimeSpan.FromSeconds(5)), (options.ConsumerSecret, options.SecondaryConsumerSecret, options.MaxBodyBytes, options.ResponseBudget));
        Assert.Equal(TimeSpan.FromDays(2), options.DedupeRetention);
    }

    [Fact]
    public void OAuth2_settings_are_bound()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XWebhooks:ConsumerSecret"] = "primary",
            ["XWebhooks:OAuth2ClientSecret"] = "oauth2",
            ["XWebhooks:SecondaryOAuth2ClientSecret"] = "old-oauth2",
            ["XWebhooks:CrcSecret"] = "oauth2clientsecret",
        });
        builder.Services.AddXWebhooks(builder.Configuration.GetSection(XWebhooksOptions.SectionName));
        using var app = builder.Build();

        var options = app.Services.GetRequiredService<IOptions<XWebhooksOptions>>().Value;

        Assert.Equal(("oauth2", "old-oauth2", XCrcSecret.OAuth2ClientSecret), (options.OAuth2ClientSecret, options.SecondaryOAuth2ClientSecret, options.CrcSecret));
    }

    [Fact]
    public void Crc_secret_defaults_to_the_consumer_secret()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["XWebhooks:ConsumerSecret"] = "s", ["XWebhooks:OAuth2ClientSecret"] = "o" });
        builder.Services.AddXWebhooks(builder.Configuration.GetSection(XWebhooksOptions.SectionName));
        using var app = builder.Build();

        Assert.Equal(XCrcSecret.ConsumerSecret, app.Services.GetRequiredService<IOptions<XWebhooksOptions>>().Value.CrcSecret);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Bearer")]
    public void Unknown_crc_secret_names_the_choices(string value)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["XWebhooks:ConsumerSecret"] = "s", ["XWebhooks:CrcSecret"] = value });
        builder.Services.AddXWebhooks(builder.Configuration.GetSection(XWebhooksOptions.SectionName));
        using var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<IOptions<XWebhooksOptions>>().Value);
        Assert.Contains("XWebhooks:CrcSecret must be ConsumerSecret or OAuth2ClientSecret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OAuth2_client_secret_alone_stops_the_app_and_says_where_the_consumer_secret_is()
    {
        var ex = StartWith(new() { ["XWebhooks:OAuth2ClientSecret"] = "my-oauth2-client-secret-value" });
        Assert.Contains("XWebhooks:ConsumerSecret is not set; XWebhooks:OAuth2ClientSecret alone is not enough", ex.Message, StringComparison.Ordinal);
        Assert.Contains("API Key Secret", ex.Message, StringComparison.Ordinal);
        Assert.Contains("XWebhooks__ConsumerSecret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("my-oauth2-client-secret-value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crc_with_the_oauth2_secret_needs_the_oauth2_secret()
    {
        var ex = StartWith(new() { ["XWebhooks:ConsumerSecret"] = "s", ["XWebhooks:CrcSecret"] = "OAuth2ClientSecret" });
        Assert.Contains("XWebhooks:CrcSecret is OAuth2ClientSecret but XWebhooks:OAuth2ClientSecret is not set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secondary_oauth2_secret_needs_the_primary_and_blank_ones_are_refused()
    {
        var ex = StartWith(new() { ["XWebhooks:ConsumerSecret"] = "s", ["XWebhooks:SecondaryOAuth2ClientSecret"] = "old" });
        Assert.Contains("XWebhooks:SecondaryOAuth2ClientSecret is set but XWebhooks:OAuth2ClientSecret is not", ex.Message, StringComparison.Ordinal);

        var blank = StartWith(new() { ["XWebhooks:ConsumerSecret"] = "s", ["XWebhooks:OAuth2ClientSecret"] = "  " });
        Assert.Contains("XWebhooks:OAuth2ClientSecret is blank", blank.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XWebhooks:MaxBodyBytes", "lots")]
    [InlineData("XWebhooks:ResponseBudget", "3s")]
    [InlineData("XWebhooks:DedupeRetention", "two days")]
    [InlineData("XWebhooks:CrcSecret", "Bearer")]
    public void Unconvertible_value_names_its_full_key(string key, string value)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["XWebhooks:ConsumerSecret"] = "s", [key] = value });
        builder.Services.AddXWebhooks(builder.Configuration.GetSection(XWebhooksOptions.SectionName));
        using var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<IOptions<XWebhooksOptions>>().Value);
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapXWebhooks_without_AddXWebhooks_says_what_is_missing()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        var ex = Assert.Throws<InvalidOperationException>(() => app.MapXWebhooks("/webhooks/x"));
        Assert.Contains("AddXWebhooks", ex.Message, StringComparison.Ordinal);
    }
}
