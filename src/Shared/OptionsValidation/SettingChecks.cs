using Microsoft.Extensions.Options;

namespace XWebhooks.OptionsValidation;

/// <summary>
/// The checks of one options instance: each broken rule becomes one error in <see cref="SettingFailure"/>'s format,
/// and every error is reported at once.
/// </summary>
internal sealed class SettingChecks(IOptionsSection options)
{
    private readonly List<string> failures = [];

    /// <summary>Checks <paramref name="value"/>, the value of <paramref name="property"/>, against <paramref name="rule"/>.</summary>
    public void Check(string property, object? value, SettingRule rule)
    {
        if (!rule.Accepts(value))
        {
            failures.Add(SettingFailure.Message(Key(property), rule.Requirement, SettingFailure.Describe(value), rule.Hint));
        }
    }

    /// <summary>Adds the error of a rule between settings, written with <see cref="SettingFailure.Message"/>.</summary>
    public void Fail(string message) => failures.Add(message);

    /// <summary>The full configuration key of <paramref name="property"/>, such as <c>XWebhooks:Inbox:MaxAttempts</c>.</summary>
    public string Key(string property) => SettingFailure.Key(options, property);

    /// <summary>Success, or every error in the order found.</summary>
    public ValidateOptionsResult Result() => failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
