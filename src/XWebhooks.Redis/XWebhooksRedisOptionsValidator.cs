using Microsoft.Extensions.Options;

namespace XWebhooks.Redis;

/// <summary>
/// Validates <see cref="XWebhooksRedisOptions"/> at start by the rules in its properties' attributes (code generated
/// by <c>[OptionsValidator]</c>): a blank <c>XWebhooks__Inbox__ConsumerName</c> would otherwise fail only when the inbox opens.
/// </summary>
[OptionsValidator]
internal sealed partial class XWebhooksRedisOptionsValidator : IValidateOptions<XWebhooksRedisOptions>;
