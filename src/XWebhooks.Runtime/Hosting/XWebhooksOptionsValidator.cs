using Microsoft.Extensions.Options;

namespace XWebhooks.Hosting;

/// <summary>Reflection-free validation of <see cref="XWebhooksOptions"/> with messages that say how to fix the setting.</summary>
internal sealed class XWebhooksOptionsValidator : IValidateOptions<XWebhooksOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksOptions options)
    {
        List<string>? failures = null;

        if (string.IsNullOrWhiteSpace(options.ConsumerSecret))
        {
            Add(ref failures, $"{XWebhooksOptions.SectionName}:ConsumerSecret is not set. Set it to your X app's consumer secret (API Key Secret), for example with the environment variable {XWebhooksOptions.SectionName}__ConsumerSecret; without it no CRC can be answered and no delivery verified.");
        }

        if (options.SecondaryConsumerSecret is { Length: > 0 } secondary && string.IsNullOrWhiteSpace(secondary))
        {
            Add(ref failures, $"{XWebhooksOptions.SectionName}:SecondaryConsumerSecret is blank. Remove it or set it to the other consumer secret.");
        }

        if (options.MaxBodyBytes is < 1 or > 100 * 1024 * 1024)
        {
            Add(ref failures, $"{XWebhooksOptions.SectionName}:MaxBodyBytes must be between 1 and 104857600 bytes; it is {options.MaxBodyBytes}.");
        }

        if (options.ResponseBudget <= TimeSpan.Zero || options.ResponseBudget > XWebhooksOptions.MaxResponseBudget)
        {
            Add(ref failures, $"{XWebhooksOptions.SectionName}:ResponseBudget must be more than 0 and at most 00:00:10 (X stops waiting after 10 seconds); it is {options.ResponseBudget}.");
        }

        if (options.DedupeRetention <= TimeSpan.Zero)
        {
            Add(ref failures, $"{XWebhooksOptions.SectionName}:DedupeRetention must be more than 0; it is {options.DedupeRetention}.");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Add(ref List<string>? failures, string failure) => (failures ??= []).Add(failure);
}
