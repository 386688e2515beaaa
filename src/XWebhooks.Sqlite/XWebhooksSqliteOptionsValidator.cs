using Microsoft.Extensions.Options;

namespace XWebhooks.Sqlite;

/// <summary>
/// Validates <see cref="XWebhooksSqliteOptions"/> at start by the rules in its properties' attributes (code generated
/// by <c>[OptionsValidator]</c>): a blank <c>XWebhooks__Inbox__Path</c> would otherwise fail only when the inbox opens.
/// </summary>
[OptionsValidator]
internal sealed partial class XWebhooksSqliteOptionsValidator : IValidateOptions<XWebhooksSqliteOptions>;
