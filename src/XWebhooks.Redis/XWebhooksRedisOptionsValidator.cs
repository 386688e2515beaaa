using Microsoft.Extensions.Options;

namespace XWebhooks.Redis;

/// <summary>
/// Reflection-free validation of <see cref="XWebhooksRedisOptions"/> at start, naming the key: a blank
/// <c>XWebhooks__Inbox__ConsumerName</c> would otherwise fail only when the inbox is first opened.
/// </summary>
internal sealed class XWebhooksRedisOptionsValidator : IValidateOptions<XWebhooksRedisOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksRedisOptions options) =>
        string.IsNullOrWhiteSpace(options.ConsumerName)
            ? ValidateOptionsResult.Fail($"{XWebhooksRedisOptions.SectionName}:{nameof(options.ConsumerName)} must name this instance in the consumer group (default machine name and process id); it is blank.")
            : ValidateOptionsResult.Success;
}
