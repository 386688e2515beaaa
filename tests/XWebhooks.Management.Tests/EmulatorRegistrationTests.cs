using Microsoft.Extensions.DependencyInjection;

namespace XWebhooks.Management.Tests;

/// <summary>EnsureWebhookRegistered and EnsureActivitySubscriptions in a real receiver app against the local X emulator.</summary>
public sealed class EmulatorRegistrationTests
{
    [Fact]
    public async Task A_receiver_registers_itself_subscribes_and_a_restart_finds_everything_in_place()
    {
        await using var x = await EmulatedX.StartAsync();
        var subscription = new XActivitySubscriptionRequest("post.create", XActivitySubscriptionFilter.ForUser("2244994945"), Tag: "posts");

        string firstId;
        await using (var app = await StartRegisteringReceiver(x, subscription))
        {
            var registration = app.Services.GetRequiredService<XWebhookRegistration>();
            Assert.Equal(XWebhookRegistrationStatus.Created, registration.Status);
            Assert.Equal(app.Url, registration.Url);
            Assert.True(registration.Valid);
            firstId = registration.WebhookId!;
            var ensured = Assert.Single(registration.ActivitySubscriptions);
            Assert.Equal(firstId, ensured.WebhookId);
            Assert.Equal("posts", ensured.Tag);
        }

        // Same URL again (the webhook stays registered at X): found, valid, nothing created twice.
        await using var restarted = await StartRegisteringReceiver(x, subscription, port: new Uri(Assert.Single(await x.Client().ListWebhooksAsync()).Url).Port);
        var again = restarted.Services.GetRequiredService<XWebhookRegistration>();
        Assert.Equal(XWebhookRegistrationStatus.AlreadyRegistered, again.Status);
        Assert.Equal(firstId, again.WebhookId);
        Assert.Single(await x.Client().ListAllActivitySubscriptionsAsync());
    }

    [Fact]
    public async Task An_invalid_webhook_is_revalidated_at_startup()
    {
        await using var x = await EmulatedX.StartAsync();
        int port;
        await using (var first = await StartRegisteringReceiver(x))
        {
            port = first.Url.Port;
        }

        await x.Emulator.CheckWebhooksAsync(); // nobody answers: X marks it invalid
        Assert.False(Assert.Single(await x.Client().ListWebhooksAsync()).Valid);

        await using var restarted = await StartRegisteringReceiver(x, port: port);

        var registration = restarted.Services.GetRequiredService<XWebhookRegistration>();
        Assert.Equal(XWebhookRegistrationStatus.Revalidated, registration.Status);
        Assert.True(Assert.Single(await x.Client().ListWebhooksAsync()).Valid);
    }

    /// <summary>A receiver with the client and both helpers; registration runs before StartAsync returns (FailStartupOnError).</summary>
    private static async Task<TestReceiver> StartRegisteringReceiver(EmulatedX x, XActivitySubscriptionRequest? subscription = null, int port = 0)
    {
        return await TestReceiver.StartAsync(new()
        {
            Secret = EmulatedX.Secret,
            Port = port,
            Configure = xwebhooks =>
            {
                xwebhooks.Services.AddXWebhooksClient(o =>
                {
                    o.BearerToken = EmulatedX.Bearer;
                    o.BaseAddress = x.Emulator.BaseAddress;
                });
                xwebhooks.EnsureWebhookRegistered(TestReceiver.WebhookUrl, o => o.FailStartupOnError = true);
                if (subscription is not null)
                {
                    xwebhooks.EnsureActivitySubscriptions(subscription);
                }
            },
        });
    }
}
