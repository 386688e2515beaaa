using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace XWebhooks.Management.Tests;

/// <summary>Options validation, configuration binding and the typed-client registration.</summary>
public sealed class ClientConstructionTests
{
    [Fact]
    public void A_client_without_a_bearer_token_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new XWebhooksClient(new HttpClient(), new XWebhooksClientOptions()));

        Assert.Contains("BearerToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_max_wait_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new XWebhooksClient(new HttpClient(), new XWebhooksClientOptions { BearerToken = "t", MaxRateLimitWait = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public async Task Configuration_binds_every_setting_and_the_factory_builds_a_working_client()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XWebhooks:Client:BearerToken"] = "from-config",
            ["XWebhooks:Client:BaseAddress"] = "https://emulator.test/base",
            ["XWebhooks:Client:MaxRateLimitWait"] = "00:00:30",
        }).Build();
        var stub = new StubHandler().Ok("""{"data":[]}""");
        var services = new ServiceCollection();
        services.AddXWebhooksClient(configuration.GetSection("XWebhooks:Client")).ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<XWebhooksClientOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxRateLimitWait);
        await provider.GetRequiredService<XWebhooksClient>().ListWebhooksAsync();

        var request = Assert.Single(stub.Requests);
        Assert.Equal("Bearer from-config", request.Authorization);
        Assert.StartsWith("https://emulator.test/base/2/webhooks?", request.Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XWebhooks:Client:BearerToken", " ", "XWebhooks:Client:BearerToken must be set; it is blank. Set it to the app-only bearer token of the X app that owns the webhook, for example with the environment variable XWebhooks__Client__BearerToken.")]
    [InlineData("XWebhooks:Client:BaseAddress", "emulator/base", "XWebhooks:Client:BaseAddress must be an absolute URI; it is 'emulator/base'.")]
    [InlineData("XWebhooks:Client:MaxRateLimitWait", "-00:00:01", "XWebhooks:Client:MaxRateLimitWait must be at least 00:00:00; it is -00:00:01.")]
    public void Every_rule_fails_at_start_naming_its_key(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XWebhooks:Client:BearerToken"] = "from-config",
            [key] = value,
        }).Build();
        var services = new ServiceCollection();
        services.AddXWebhooksClient(configuration.GetSection("XWebhooks:Client"));
        using var provider = services.BuildServiceProvider();

        // What the host runs first when it starts.
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal([expected], error.Failures);
    }

    [Fact]
    public void A_client_built_without_the_container_names_every_broken_rule()
    {
        var options = new XWebhooksClientOptions { BaseAddress = new Uri("relative", UriKind.Relative), MaxRateLimitWait = TimeSpan.FromSeconds(-1) };

        var error = Assert.Throws<ArgumentException>(() => new XWebhooksClient(new HttpClient(), options));

        Assert.StartsWith(
            "XWebhooks:Client:BearerToken must be set; it is not set. Set it to the app-only bearer token of the X app that owns the webhook, for example with the environment variable XWebhooks__Client__BearerToken. "
            + "XWebhooks:Client:BaseAddress must be an absolute URI; it is 'relative'. "
            + "XWebhooks:Client:MaxRateLimitWait must be at least 00:00:00; it is -00:00:01.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XWebhooks:Client:MaxRateLimitWait", "30s")]
    [InlineData("XWebhooks:Client:BaseAddress", "http://[bad")]
    public void A_value_that_does_not_convert_names_its_full_key(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XWebhooks:Client:BearerToken"] = "from-config",
            [key] = value,
        }).Build();
        var services = new ServiceCollection();
        services.AddXWebhooksClient(configuration.GetSection("XWebhooks:Client"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<XWebhooksClientOptions>>().Value);

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_validation_fails_without_a_token_and_does_not_echo_secrets()
    {
        var services = new ServiceCollection();
        services.AddXWebhooksClient(o => o.BaseAddress = new Uri("https://api.x.com"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<XWebhooksClientOptions>>().Value);

        Assert.Contains("XWebhooks:Client:BearerToken must be set; it is not set.", error.Message, StringComparison.Ordinal);
    }
}
