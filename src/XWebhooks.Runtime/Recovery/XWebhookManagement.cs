using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace XWebhooks.Recovery;

/// <summary>Registers the <see cref="IXWebhookManagement"/> seam unless a test registered its own.</summary>
internal static class XWebhookManagement
{
    public static void AddTo(IServiceCollection services)
    {
        services.TryAddSingleton<IXWebhookManagement>(static _ => UnavailableWebhookManagement.Instance);
    }

    private sealed class UnavailableWebhookManagement : IXWebhookManagement
    {
        public static readonly UnavailableWebhookManagement Instance = new();

        public bool IsAvailable => false;

        public string? RegisteredWebhookId => null;

        public Task<bool?> GetWebhookValidAsync(string webhookId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(NotRegistered);

        public Task<ReplayRequestResult> CreateReplayJobAsync(string webhookId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(NotRegistered);

        private const string NotRegistered = "No XWebhooks management client is registered (AddXWebhooksClient).";
    }
}
