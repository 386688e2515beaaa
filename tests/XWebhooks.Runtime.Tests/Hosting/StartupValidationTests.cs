using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
        Assert.Contains("XWebhooks:ConsumerSecret must be set; it is not set.", ex.Message, StringComparison.Ordinal);
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
        Assert.Contains("XWebhooks:ResponseBudget must be more than 00:00:00 and at most 00:00:10; it is 00:00:11.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("XWebhooks:MaxBodyBytes must be at least 1 and at most 104857600; it is 0.", ex.Message, StringComparison.Ordinal);
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
        Assert.Contains("XWebhooks:ConsumerSecret must be set; it is not set.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("OAuth2ClientSecret alone is not enough", ex.Message, StringComparison.Ordinal);
        Assert.Contains("API Key Secret", ex.Message, StringComparison.Ordinal);
        Assert.Contains("XWebhooks__ConsumerSecret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("my-oauth2-client-secret-value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crc_with_the_oauth2_secret_needs_the_oauth2_secret()
    {
        var ex = StartWith(new() { ["XWebhooks:ConsumerSecret"] = "s", ["XWebhooks:CrcSecret"] = "OAuth2ClientSecret" });
        Assert.Contains("XWebhooks:OAuth2ClientSecret must be set when XWebhooks:CrcSecret is OAuth2ClientSecret; it is not set.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secondary_oauth2_secret_needs_the_primary_and_blank_ones_are_refused()
    {
        var ex = StartWith(new() { ["XWebhooks:ConsumerSecret"] = "s", ["XWebhooks:SecondaryOAuth2ClientSecret"] = "old" });
        Assert.Contains("XWebhooks:OAuth2ClientSecret must be set when XWebhooks:SecondaryOAuth2ClientSecret is; it is not set.", ex.Message, StringComparison.Ordinal);

        var blank = StartWith(new() { ["XWebhooks:ConsumerSecret"] = "s", ["XWebhooks:OAuth2ClientSecret"] = "  " });
        Assert.Contains("XWebhooks:OAuth2ClientSecret must not be blank; it is blank.", blank.Message, StringComparison.Ordinal);
    }

    private static async Task<IEnumerable<string>> StartFailuresAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddXWebhooks(builder.Configuration.GetSection(XWebhooksOptions.SectionName));
        await using var app = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        return error.Failures;
    }

    [Theory]
    [InlineData("XWebhooks:ConsumerSecret", " ", "XWebhooks:ConsumerSecret must be set; it is blank. " + ConsumerSecretHint)]
    [InlineData("XWebhooks:SecondaryConsumerSecret", " ", "XWebhooks:SecondaryConsumerSecret must not be blank; it is blank. Remove it or set it to the other consumer secret.")]
    [InlineData("XWebhooks:OAuth2ClientSecret", "\t", "XWebhooks:OAuth2ClientSecret must not be blank; it is blank. Remove it or set it to your app's OAuth 2.0 client secret.")]
    [InlineData("XWebhooks:SecondaryOAuth2ClientSecret", " ", "XWebhooks:SecondaryOAuth2ClientSecret must not be blank; it is blank. Remove it or set it to the other OAuth 2.0 client secret.")]
    [InlineData("XWebhooks:MaxBodyBytes", "0", "XWebhooks:MaxBodyBytes must be at least 1 and at most 104857600; it is 0.")]
    [InlineData("XWebhooks:MaxBodyBytes", "104857601", "XWebhooks:MaxBodyBytes must be at least 1 and at most 104857600; it is 104857601.")]
    [InlineData("XWebhooks:ResponseBudget", "00:00:00", "XWebhooks:ResponseBudget must be more than 00:00:00 and at most 00:00:10; it is 00:00:00. X stops waiting for the answer after 10 seconds.")]
    [InlineData("XWebhooks:ResponseBudget", "00:00:10.001", "XWebhooks:ResponseBudget must be more than 00:00:00 and at most 00:00:10; it is 00:00:10.0010000. X stops waiting for the answer after 10 seconds.")]
    [InlineData("XWebhooks:DedupeRetention", "-1.00:00:00", "XWebhooks:DedupeRetention must be more than 00:00:00; it is -1.00:00:00.")]
    public async Task Every_rule_fails_at_start_naming_its_full_key_and_the_value(string key, string value, string expected)
    {
        // Every other setting is valid: the rule under test is the only failure.
        Dictionary<string, string?> settings = new() { ["XWebhooks:ConsumerSecret"] = "s", ["XWebhooks:OAuth2ClientSecret"] = "o" };
        settings[key] = value;

        Assert.Equal([expected], await StartFailuresAsync(settings));
    }

    private const string ConsumerSecretHint = "Set it to your X app's consumer secret: the API Key Secret under 'Keys and tokens' of the app in the X developer portal, for example with the environment variable XWebhooks__ConsumerSecret. X signs CRCs and deliveries (x-twitter-webhooks-signature) with it, so OAuth2ClientSecret alone is not enough.";

    [Fact]
    public async Task Every_rule_between_settings_fails_at_start_naming_the_key_to_set()
    {
        Assert.Equal(
            ["XWebhooks:OAuth2ClientSecret must be set when XWebhooks:SecondaryOAuth2ClientSecret is; it is not set. Set it to the current OAuth 2.0 client secret (the secondary one is only for a rotation)."],
            await StartFailuresAsync(new() { ["XWebhooks:ConsumerSecret"] = "s", ["XWebhooks:SecondaryOAuth2ClientSecret"] = "old" }));
        Assert.Equal(
            ["XWebhooks:OAuth2ClientSecret must be set when XWebhooks:CrcSecret is OAuth2ClientSecret; it is not set. Set it to your app's OAuth 2.0 client secret, or remove CrcSecret to answer CRCs with the consumer secret."],
            await StartFailuresAsync(new() { ["XWebhooks:ConsumerSecret"] = "s", ["XWebhooks:CrcSecret"] = "OAuth2ClientSecret" }));
    }

    [Fact]
    public void A_crc_secret_cast_from_a_number_in_code_is_refused_with_the_choices()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddXWebhooks(o => (o.ConsumerSecret, o.CrcSecret) = ("s", (XCrcSecret)5));
        using var app = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<XWebhooksOptions>>().Value);

        Assert.Equal(["XWebhooks:CrcSecret must be ConsumerSecret or OAuth2ClientSecret; it is 5."], error.Failures);
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
