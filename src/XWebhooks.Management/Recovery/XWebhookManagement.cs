using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using XWebhooks.Management;

namespace XWebhooks.Recovery;

/// <summary>
/// <see cref="IXWebhookManagement"/> over the application's <see cref="XWebhooksClient"/>, resolved per call (it is
/// a transient typed HttpClient client, so handler rotation by IHttpClientFactory keeps working).
/// </summary>
internal sealed class XWebhookManagement(IServiceProvider services) : IXWebhookManagement
{
    /// <summary>Registers the seam unless a test registered its own.</summary>
    public static void AddTo(IServiceCollection services) =>
        services.TryAddSingleton<IXWebhookManagement>(static sp => new XWebhookManagement(sp));

    public bool IsAvailable => services.GetService<IServiceProviderIsService>()?.IsService(typeof(XWebhooksClient)) == true;

    public string? RegisteredWebhookId => services.GetService<XWebhookRegistration>()?.WebhookId;

    public Task<string?> WaitForRegisteredWebhookIdAsync(CancellationToken cancellationToken) =>
        services.GetService<XWebhookRegistration>() is { } registration
            ? registration.WaitForWebhookIdAsync(cancellationToken)
            : Task.FromResult<string?>(null);

    public async Task<bool?> GetWebhookValidAsync(string webhookId, CancellationToken cancellationToken)
    {
        var webhooks = await Client.ListWebhooksAsync(cancellationToken).ConfigureAwait(false);
        return webhooks.FirstOrDefault(w => w.Id == webhookId)?.Valid;
    }

    public async Task<ReplayRequestResult> CreateReplayJobAsync(string webhookId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        try
        {
            var job = await Client.CreateReplayJobAsync(webhookId, from, to, cancellationToken).ConfigureAwait(false);
            return new ReplayRequestResult(ReplayRequestOutcome.Created, job.JobId, null);
        }
        catch (XApiException ex) when (!ex.IsRateLimited && (int)ex.StatusCode < 500)
        {
            // A refusal (4xx). Rate limits and server errors stay exceptions: asking again later may succeed.
            var outcome = ex.HasReason(XApiErrorReason.ReplayConflictError) || ex.StatusCode == HttpStatusCode.Conflict ? ReplayRequestOutcome.Conflict
                : ex.HasReason(XApiErrorReason.QueryParamInvalid) ? ReplayRequestOutcome.InvalidWindow
                : ReplayRequestOutcome.Rejected;
            return new ReplayRequestResult(outcome, null, ex.Message);
        }
    }

    private XWebhooksClient Client => services.GetRequiredService<XWebhooksClient>();
}
