namespace XWebhooks.OptionsValidation;

/// <summary>
/// A rule of one setting, checked by the options' validator through <see cref="SettingChecks"/>, whose error names the
/// full configuration key and the value found (<see cref="SettingFailure"/>). Plain code rather than DataAnnotations
/// attributes and <c>[OptionsValidator]</c>: its generated code goes through <c>ValidationContext</c>, which roots
/// <c>TypeDescriptor</c> in every Native AOT app (docs/architecture.md has the numbers).
/// </summary>
internal abstract class SettingRule
{
    /// <summary>A sentence after the error that says how to fix the setting or why the rule exists.</summary>
    public string? Hint { get; init; }

    /// <summary>What the value must be, completing "{key} must …": for example "be at least 1".</summary>
    public abstract string Requirement { get; }

    /// <summary>Whether <paramref name="value"/>, the property's value, keeps the rule.</summary>
    public abstract bool Accepts(object? value);
}
