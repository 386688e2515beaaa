using Microsoft.Extensions.Options;
using XWebhooks.OptionsValidation;

namespace XWebhooks.Redis;

/// <summary>
/// Validates <see cref="XWebhooksRedisOptions"/> at start: a blank <c>XWebhooks__Inbox__ConsumerName</c> would
/// otherwise fail only when the inbox opens.
/// </summary>
internal sealed class XWebhooksRedisOptionsValidator : IValidateOptions<XWebhooksRedisOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksRedisOptions options)
    {
        var checks = new SettingChecks(options);
        checks.Check(nameof(options.ConsumerName), options.ConsumerName, new NotBlank
        {
            Hint = "Name this instance in the consumer group (default machine name and process id); it must differ between live instances.",
        });
        return checks.Result();
    }
}
