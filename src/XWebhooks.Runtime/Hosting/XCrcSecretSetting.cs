using Microsoft.Extensions.Configuration;
using XWebhooks.Security;

namespace XWebhooks.Hosting;

/// <summary>
/// The one rule the configuration binder cannot state: <c>XWebhooks:CrcSecret</c> takes a name only. The binder
/// parses enums with <see cref="Enum.Parse{TEnum}(string, bool)"/>, which also takes "1" or "0, 1" and would sign
/// CRCs with a secret nobody named.
/// </summary>
internal static class XCrcSecretSetting
{
    public static void RefuseNumbers(IConfiguration section)
    {
        if (section.GetSection(nameof(XWebhooksOptions.CrcSecret)) is { Value: { } value } setting
            && !value.Trim().Equals(nameof(XCrcSecret.ConsumerSecret), StringComparison.OrdinalIgnoreCase)
            && !value.Trim().Equals(nameof(XCrcSecret.OAuth2ClientSecret), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{setting.Path} must be ConsumerSecret or OAuth2ClientSecret; it is '{value}'.");
        }
    }
}
