using Microsoft.Extensions.Options;
using XWebhooks.OptionsValidation;

namespace XWebhooks.Sqlite;

/// <summary>
/// Validates <see cref="XWebhooksSqliteOptions"/> at start: a blank <c>XWebhooks__Inbox__Path</c> would otherwise fail
/// only when the inbox opens.
/// </summary>
internal sealed class XWebhooksSqliteOptionsValidator : IValidateOptions<XWebhooksSqliteOptions>
{
    public ValidateOptionsResult Validate(string? name, XWebhooksSqliteOptions options)
    {
        var checks = new SettingChecks(options);
        checks.Check(nameof(options.Path), options.Path, new NotBlank { Hint = "Name the SQLite file (default xwebhooks.db)." });
        checks.Check(nameof(options.Durability), options.Durability, new DefinedEnum<XWebhooksSqliteDurability>());
        return checks.Result();
    }
}
