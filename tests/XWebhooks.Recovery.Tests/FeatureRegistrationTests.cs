using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using XWebhooks.Health;
using XWebhooks.Hosting;

namespace XWebhooks.Recovery.Tests;

/// <summary>The watermark and the health state exist only when the feature that reads them is added.</summary>
public sealed class FeatureRegistrationTests
{
    [Fact]
    public async Task The_receiver_alone_registers_neither_the_watermark_nor_the_health_state()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddXWebhooks(o => o.ConsumerSecret = "s");
        await using var provider = services.BuildServiceProvider();

        Assert.Null(provider.GetService<DeliveryWatermarkRecorder>());
        Assert.Null(provider.GetService<XWebhooksHealthState>());
        Assert.Null(provider.GetService<IXDeliveryWatermark>());
        Assert.DoesNotContain(provider.GetServices<IHostedService>(), s => s is DeliveryWatermarkFlusher);
        Assert.Equal(["MetricsObserver"], provider.GetServices<IXWebhookObserver>().Select(o => o.GetType().Name));
    }

    [Fact]
    public async Task Gap_recovery_and_the_health_check_each_add_their_observer_once_however_often_they_are_added()
    {
        var services = new ServiceCollection().AddLogging();
        var webhooks = services.AddXWebhooks(o => o.ConsumerSecret = "s");
        webhooks.AddGapRecovery(o => o.WebhookId = "1");
        webhooks.AddGapRecovery(o => o.WebhookId = "1");
        services.AddHealthChecks().AddXWebhooksHealthCheck();
        services.AddHealthChecks().AddXWebhooksHealthCheck(name: "again");
        await using var provider = services.BuildServiceProvider();

        var observers = provider.GetServices<IXWebhookObserver>().ToList();
        Assert.Equal(3, observers.Count);
        Assert.Same(provider.GetRequiredService<DeliveryWatermarkRecorder>(), Assert.Single(observers.OfType<DeliveryWatermarkRecorder>()));
        Assert.Same(provider.GetRequiredService<XWebhooksHealthState>(), Assert.Single(observers.OfType<XWebhooksHealthState>()));
        Assert.IsType<InMemoryDeliveryWatermark>(provider.GetRequiredService<IXDeliveryWatermark>());
        Assert.Single(provider.GetServices<IHostedService>(), s => s is DeliveryWatermarkFlusher);
    }
}
