using XWebhooks.Security;
using XWebhooks.Testing;

namespace XWebhooks.Emulator;

/// <summary>Sends a CRC exactly as X does (a fresh random token) and judges the answer as X does.</summary>
internal sealed class CrcChecker(HttpClient http, XEmulatorOptions options)
{
    private string CrcKey => options.CrcSecret == XCrcSecret.OAuth2ClientSecret ? options.OAuth2ClientSecret! : options.ConsumerSecret;

    /// <summary>Null when the webhook answered correctly, else why not.</summary>
    public async Task<string?> CheckAsync(string url, CancellationToken cancellationToken)
    {
        var token = XWebhookTestKit.CreateCrcToken();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CrcTimeout);
        try
        {
            using var request = XWebhookTestKit.CreateCrcRequest(new Uri(url), token);
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return await XWebhookTestKit.CheckCrcResponseAsync(response, token, CrcKey, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {options.CrcTimeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException ex)
        {
            return "could not connect: " + ex.Message;
        }
    }
}
