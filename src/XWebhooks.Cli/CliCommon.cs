using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace XWebhooks.Cli;

/// <summary>What several commands share: options, input checks, and plain-words descriptions of HTTP failures.</summary>
internal static class CliCommon
{
    /// <summary>Environment variables read, in order, when <c>--secret</c> is not given.</summary>
    public static readonly string[] SecretVariables = ["XWEBHOOKS_SECRET", "XWebhooks__ConsumerSecret"];

    /// <summary>Environment variables read, in order, when <c>--oauth2-secret</c> is not given.</summary>
    public static readonly string[] OAuth2SecretVariables = ["XWEBHOOKS_OAUTH2_SECRET", "XWebhooks__OAuth2ClientSecret"];

    /// <summary>The value of a <see cref="TimeoutOption"/>.</summary>
    public static TimeSpan GetTimeout(ParseResult parseResult, Option<TimeSpan?> option) => parseResult.GetValue(option) ?? TimeSpan.FromSeconds(10);

    /// <summary>A webhook URL argument.</summary>
    public static Argument<string> UrlArgument() => new("url") { Description = "The webhook URL, e.g. https://example.com/webhooks/x" };

    /// <summary>The <c>--secret</c> option.</summary>
    public static Option<string?> SecretOption() => new("--secret", "-s")
    {
        Description = "The X app's consumer secret (API Key Secret). Default: env XWEBHOOKS_SECRET, then XWebhooks__ConsumerSecret.",
    };

    /// <summary>The <c>--oauth2-secret</c> option.</summary>
    public static Option<string?> OAuth2SecretOption() => new("--oauth2-secret")
    {
        Description = "The X app's OAuth 2.0 client secret, for the x-twitter-webhooks-signature-oauth2 header or CRC answers signed with it. Default: env XWEBHOOKS_OAUTH2_SECRET, then XWebhooks__OAuth2ClientSecret.",
        HelpName = "secret",
    };

    /// <summary>The <c>--signature-header</c> option: <c>classic</c>, <c>oauth2</c> or <c>both</c>.</summary>
    public static Option<string> SignatureHeaderOption()
    {
        var option = new Option<string>("--signature-header")
        {
            Description = "Which signature headers to send: classic (x-twitter-webhooks-signature with the consumer secret, what X's official pages describe), oauth2 (x-twitter-webhooks-signature-oauth2 with the OAuth 2.0 client secret, reported by receivers of X's newer quickstart) or both. Default: classic.",
            DefaultValueFactory = _ => "classic",
        };
        option.AcceptOnlyFromAmong("classic", "oauth2", "both");
        return option;
    }

    /// <summary>The <c>--crc-secret</c> option: <c>consumer</c> or <c>oauth2</c>.</summary>
    public static Option<string> CrcSecretOption()
    {
        var option = new Option<string>("--crc-secret")
        {
            Description = "Which secret a correct CRC answer is signed with: consumer (the consumer secret, what X's official pages say) or oauth2 (the OAuth 2.0 client secret, for a receiver set to answer with it). Default: consumer.",
            DefaultValueFactory = _ => "consumer",
        };
        option.AcceptOnlyFromAmong("consumer", "oauth2");
        return option;
    }

    /// <summary>The <c>--timeout</c> option for one HTTP request.</summary>
    public static Option<TimeSpan?> TimeoutOption() => new("--timeout")
    {
        Description = "How long to wait for each answer, e.g. 10s, 500ms. Default: 10s (what X waits).",
        CustomParser = result => ParseDuration(result),
        HelpName = "duration",
    };

    /// <summary>Sets an action that maps <see cref="UsageException"/> to exit code 2 with its message on stderr.</summary>
    public static void SetAction(Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await action(parseResult, cancellationToken).ConfigureAwait(false);
            }
            catch (UsageException ex)
            {
                await context.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
        });
    }

    /// <summary>An absolute http(s) URL, or a <see cref="UsageException"/>.</summary>
    public static Uri ParseUrl(string? text, string what = "webhook URL")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException($"the {what} is missing, e.g. https://example.com/webhooks/x");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.IsFile || string.IsNullOrEmpty(uri.Host))
        {
            throw new UsageException($"'{text}' is not an absolute http(s) {what}; give one like https://example.com/webhooks/x or http://127.0.0.1:5000/webhooks/x");
        }

        return uri;
    }

    /// <summary>The secret from <c>--secret</c> or the environment, or a <see cref="UsageException"/>.</summary>
    public static string ResolveSecret(string? option, CliContext context)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return option;
        }

        foreach (var name in SecretVariables)
        {
            if (context.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                return value;
            }
        }

        throw new UsageException("no consumer secret: pass --secret <API Key Secret> or set XWEBHOOKS_SECRET (or XWebhooks__ConsumerSecret)");
    }

    /// <summary>The OAuth 2.0 client secret from <c>--oauth2-secret</c> or the environment, or a <see cref="UsageException"/> naming what needs it.</summary>
    public static string ResolveOAuth2Secret(string? option, CliContext context, string neededBy)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return option;
        }

        foreach (var name in OAuth2SecretVariables)
        {
            if (context.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                return value;
            }
        }

        throw new UsageException($"{neededBy} needs the OAuth 2.0 client secret: pass --oauth2-secret <client secret> or set XWEBHOOKS_OAUTH2_SECRET (or XWebhooks__OAuth2ClientSecret)");
    }

    /// <summary>Parses <c>10s</c>, <c>500ms</c>, <c>2m</c>, <c>1h</c> or a bare number of seconds.</summary>
    public static TimeSpan ParseDuration(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (TryParseDuration(text, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        result.AddError($"'{text}' is not a duration; use e.g. 10s, 500ms, 2m");
        return default;
    }

    /// <summary>Parses <c>10s</c>, <c>500ms</c>, <c>2m</c>, <c>1h</c> or a bare number of seconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        text = text.Trim();
        (string suffix, double seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number))
            {
                value = TimeSpan.FromSeconds(number * seconds);
                return true;
            }
        }

        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var plain) && double.IsFinite(plain))
        {
            value = TimeSpan.FromSeconds(plain);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>An HTTP client that, like X, does not follow redirects.</summary>
    public static HttpClient CreateHttpClient(TimeSpan timeout, int maxConnections = int.MaxValue) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = maxConnections,
            ConnectTimeout = timeout,
            UseCookies = false,
        })
        {
            Timeout = timeout,
        };

    /// <summary>Plain words for why a request got no answer.</summary>
    public static string DescribeFailure(Exception exception, Uri url, TimeSpan timeout)
    {
        var endpoint = $"{url.Host}:{url.Port}";
        if (exception is TaskCanceledException or OperationCanceledException or TimeoutException)
        {
            return $"timeout: no answer from {endpoint} within {FormatDuration(timeout)} (X gives up after 10 s; aim for under 3 s)";
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return $"connection refused: nothing listens at {endpoint} (is the receiver running on that port?)";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return $"host not found: '{url.Host}' does not resolve";
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return $"timeout: could not connect to {endpoint}";
                case SocketException socket:
                    return $"connection failed ({socket.SocketErrorCode}): {socket.Message}";
                case AuthenticationException tls:
                    return $"TLS error: {tls.Message} (X marks a webhook invalid on an SSL exception)";
            }
        }

        return exception is HttpRequestException http
            ? $"request failed: {http.Message}{(http.HttpRequestError != HttpRequestError.Unknown ? $" ({http.HttpRequestError})" : string.Empty)}"
            : $"request failed: {exception.GetType().Name}: {exception.Message}";
    }

    /// <summary>A short key naming a failure, for error tables.</summary>
    public static string FailureKind(Exception exception)
    {
        if (exception is TaskCanceledException or OperationCanceledException or TimeoutException)
        {
            return "timeout";
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return "socket " + socket.SocketErrorCode;
            }
        }

        return exception is HttpRequestException http && http.HttpRequestError != HttpRequestError.Unknown
            ? "http " + http.HttpRequestError
            : exception.GetType().Name;
    }

    /// <summary><c>200 OK</c>.</summary>
    public static string FormatStatus(HttpStatusCode status) => $"{(int)status} {status}";

    /// <summary><c>12 ms</c>, <c>1.2 s</c>.</summary>
    public static string FormatDuration(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        < 1 => $"{duration.TotalMilliseconds:0.00} ms",
        < 10 => $"{duration.TotalMilliseconds:0.0} ms",
        < 1000 => $"{duration.TotalMilliseconds:0} ms",
        _ => $"{duration.TotalSeconds:0.0#} s",
    };

    /// <summary>The start of a response body on one line, or <c>(empty)</c>.</summary>
    public static string Snippet(byte[] body, int max = 200)
    {
        if (body.Length == 0)
        {
            return "(empty)";
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, max * 4));
        var builder = new StringBuilder(Math.Min(text.Length, max + 1));
        foreach (var c in text)
        {
            if (builder.Length >= max)
            {
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        var snippet = builder.ToString().Trim();
        return text.Length > max || body.Length > max * 4 ? snippet + "…" : snippet;
    }
}
