using Microsoft.Extensions.Options;

namespace XWebhooks.Sqlite;

/// <summary>
/// Reflection-free validation of <see cref="XWebhooksSqliteOptions"/> at start, naming the key: a blank
/// <c>XWebhooks__Inbox__Path</c> would otherwise fail only when the inbox is first opened.
/// </summary>
internal sealed class XWebhooksSqliteOptionsValidator : IValidateOptions<XWebhooksSqliteOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksSqliteOptions options) =>
        string.IsNullOrWhiteSpace(options.Path)
            ? ValidateOptionsResult.Fail($"{XWebhooksSqliteOptions.SectionName}:{nameof(options.Path)} must name the SQLite file (default xwebhooks.db); it is blank.")
            : ValidateOptionsResult.Success;
}
