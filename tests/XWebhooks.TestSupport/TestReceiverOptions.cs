using XWebhooks.Delivery;
using XWebhooks.Hosting;

namespace XWebhooks.TestSupport;

/// <summary>What a <see cref="TestReceiver"/> differs in from the default one (free port, <see cref="TestReceiver.DefaultSecret"/>, generated handlers only).</summary>
public sealed class TestReceiverOptions
{
    /// <summary>The consumer secret the receiver verifies and <see cref="TestReceiver.PostAsync"/> signs with.</summary>
    public string Secret { get; init; } = TestReceiver.DefaultSecret;

    /// <summary>The port to listen on; 0 (the default) picks a free one. A test restarting a receiver at the same URL sets it.</summary>
    public int Port { get; init; }

    /// <summary>Changes <see cref="XWebhooksOptions"/> after the secret is set (it may replace the secret too).</summary>
    public Action<XWebhooksOptions>? Options { get; init; }

    /// <summary>Adds to the app after <c>AddXWebhooks</c>: handlers, an inbox, features, and any service through <see cref="XWebhooksBuilder.Services"/>.</summary>
    public Action<XWebhooksBuilder>? Configure { get; init; }

    /// <summary>The app's only dispatcher, in place of the generated ones (the unwired-handler guard stays); <see langword="null"/> keeps the generated ones.</summary>
    public IXWebhookDispatcher? Dispatcher { get; init; }

    /// <summary>Where the host logs, at every level; a new collector if not given. Given, a test can read what a host that failed to start logged.</summary>
    public LogCollector? Logs { get; init; }

    /// <summary>Runs after the app is built and before it starts.</summary>
    public Action? BeforeStart { get; init; }
}
