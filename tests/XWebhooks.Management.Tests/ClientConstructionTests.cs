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

        Assert.Contains("BearerToken is required", error.Message, StringComparison.Ordinal);
    }
}
