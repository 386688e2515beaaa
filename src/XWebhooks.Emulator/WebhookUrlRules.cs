using System.Net;

namespace XWebhooks.Emulator;

/// <summary>
/// X's rules for a webhook URL (absolute https, no port, at most 200 characters), relaxed for loopback hosts
/// (http and any port are fine), since the point of the emulator is a receiver on this machine.
/// </summary>
internal static class WebhookUrlRules
{
    public const int MaxLength = 200;

    /// <summary>Null when X would accept the URL; else why not. <paramref name="relaxed"/> says the loopback relaxation applied.</summary>
    public static string? Check(string? url, out bool relaxed)
    {
        relaxed = false;
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength)
        {
            return $"The url must be 1 to {MaxLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "The url must be an absolute https URL.";
        }

        if (uri.IsLoopback || uri.Host == "localhost" || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))
        {
            relaxed = uri.Scheme == "http" || !uri.IsDefaultPort;
            return null;
        }

        if (uri.Scheme != "https")
        {
            return "The url must use https.";
        }

        return uri.IsDefaultPort ? null : "The url must not name a port (X only calls 443).";
    }
}
