using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace XWebhooks.Management;

/// <summary>
/// Runs the startup registration in <see cref="IHostedLifecycleService.StartedAsync"/>: after every hosted service
/// started, so the server already listens and can answer the CRC X sends while the webhook is created or validated.
/// </summary>
internal sealed class XWebhookRegistrationService(
    IServiceProvider services,
    XWebhookRegistration registration,
    IOptions<XWebhookRegistrationOptions> options,
    ILogger<XWebhookRegistrationService> logger) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? background;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.FailStartupOnError)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping.Token);
            if (await RunAsync(linked.Token).ConfigureAwait(false) is { } error)
            {
                throw new InvalidOperationException("XWebhooks startup registration failed: " + error);
            }
        }
        else
        {
            background = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        stopping.Cancel();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (background is { } task)
        {
            await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => stopping.Dispose();

    /// <summary>Returns the first failure's description, or null when everything is in place. Never throws but for cancellation of startup.</summary>
    private async Task<string?> RunAsync(CancellationToken ct)
    {
        try
        {
            var settings = options.Value;
            var client = services.GetService<XWebhooksClient>();
            if (client is null)
            {
                const string missing = "XWebhooksClient is not registered: call services.AddXWebhooksClient(…) with the app's bearer token.";
                RegistrationLog.Failed(logger, null, "(not resolved)", missing);
                registration.Abandon();
                return missing;
            }

            var error = settings.PublicUrl is { } url ? await EnsureWebhookAsync(client, url(services), ct).ConfigureAwait(false) : null;
            registration.Abandon();
            if (settings.Subscriptions.Count > 0)
            {
                error ??= await EnsureSubscriptionsAsync(client, settings.Subscriptions, ct).ConfigureAwait(false);
            }

            return error;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            registration.Abandon();
            if (options.Value.FailStartupOnError)
            {
                throw;
            }

            return "cancelled";
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // E.g. the URL factory threw: report it like any other failure instead of faulting the host.
            RegistrationLog.Failed(logger, e, "(not resolved)", e.Message);
            registration.Abandon();
            return e.Message;
        }
    }

    private async Task<string?> EnsureWebhookAsync(XWebhooksClient client, Uri url, CancellationToken ct)
    {
        try
        {
            var existing = (await client.ListWebhooksAsync(ct).ConfigureAwait(false)).FirstOrDefault(w => SameUrl(w.Url, url));
            if (existing is null)
            {
                try
                {
                    var created = await client.CreateWebhookAsync(url, ct).ConfigureAwait(false);
                    RegistrationLog.Created(logger, url, created.Id);
                    registration.SetWebhook(url, XWebhookRegistrationStatus.Created, created.Id, created.Valid, null);
                    return null;
                }
                catch (XApiException e) when (e.HasReason(XApiErrorReason.DuplicateUrlFailed))
                {
                    // Another instance registered it between our list and create.
                    existing = (await client.ListWebhooksAsync(ct).ConfigureAwait(false)).FirstOrDefault(w => SameUrl(w.Url, url));
                    if (existing is null)
                    {
                        throw;
                    }
                }
            }

            if (existing.Valid)
            {
                RegistrationLog.AlreadyRegistered(logger, url, existing.Id);
                registration.SetWebhook(url, XWebhookRegistrationStatus.AlreadyRegistered, existing.Id, true, null);
                return null;
            }

            if (await client.ValidateWebhookAsync(existing.Id, ct).ConfigureAwait(false))
            {
                RegistrationLog.Revalidated(logger, url, existing.Id);
                registration.SetWebhook(url, XWebhookRegistrationStatus.Revalidated, existing.Id, true, null);
                return null;
            }

            var invalid = $"webhook {existing.Id} for {url} is registered but fails X's CRC check; X delivers nothing to it until PUT /2/webhooks/{existing.Id} succeeds (check the consumer secret and that X can reach the URL)";
            RegistrationLog.StillInvalid(logger, url, existing.Id);
            registration.SetWebhook(url, XWebhookRegistrationStatus.Failed, existing.Id, false, invalid);
            return invalid;
        }
        catch (Exception e) when (e is XApiException or HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            var error = Describe(e);
            RegistrationLog.Failed(logger, e, url.AbsoluteUri, error);
            registration.SetWebhook(url, XWebhookRegistrationStatus.Failed, null, null, error);
            return error;
        }
    }

    private async Task<string?> EnsureSubscriptionsAsync(XWebhooksClient client, IReadOnlyList<XActivitySubscriptionRequest> requests, CancellationToken ct)
    {
        var webhookId = registration.WebhookId;
        if (requests.Any(r => r.WebhookId is null) && webhookId is null)
        {
            const string noWebhook = "X Activity subscriptions without a WebhookId need the webhook id from EnsureWebhookRegistered, which did not resolve one";
            RegistrationLog.SubscriptionsFailed(logger, null, noWebhook);
            registration.SetSubscriptions([], noWebhook);
            return noWebhook;
        }

        IReadOnlyList<XActivitySubscription> existing;
        try
        {
            existing = await client.ListAllActivitySubscriptionsAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is XApiException or HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            var error = Describe(e);
            RegistrationLog.SubscriptionsFailed(logger, e, error);
            registration.SetSubscriptions([], error);
            return error;
        }

        List<XActivitySubscription> ensured = [];
        string? firstError = null;
        var created = 0;
        foreach (var request in requests.Distinct())
        {
            var wanted = request.WebhookId is null ? request with { WebhookId = webhookId } : request;
            if (existing.FirstOrDefault(s => XActivitySubscriptionMatch.Matches(s, wanted)) is { } found)
            {
                ensured.Add(found);
                continue;
            }

            try
            {
                ensured.Add(await client.CreateActivitySubscriptionAsync(wanted, ct).ConfigureAwait(false));
                created++;
            }
            catch (Exception e) when (e is XApiException or HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                var error = Describe(e);
                RegistrationLog.SubscriptionFailed(logger, e, wanted.EventType, error);
                firstError ??= $"could not create the {wanted.EventType} subscription: {error}";
            }
        }

        RegistrationLog.SubscriptionsEnsured(logger, ensured.Count - created, created, requests.Count - ensured.Count);
        registration.SetSubscriptions(ensured, firstError);
        return firstError;
    }

    private static bool SameUrl(string registered, Uri url) =>
        Uri.TryCreate(registered, UriKind.Absolute, out var other)
        && Uri.Compare(other, url, UriComponents.HttpRequestUrl, UriFormat.SafeUnescaped, StringComparison.Ordinal) == 0;

    private static string Describe(Exception e) => e switch
    {
        XApiException api when api.Reasons.Count > 0 => $"{api.Message} ({string.Join(", ", api.Reasons)})",
        _ => e.Message,
    };
}
