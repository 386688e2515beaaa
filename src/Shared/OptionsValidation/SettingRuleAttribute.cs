using System.ComponentModel.DataAnnotations;

namespace XWebhooks.OptionsValidation;

/// <summary>
/// A rule of one setting, checked by the validator that <c>[OptionsValidator]</c> generates, whose error names the
/// full configuration key and the value found (<see cref="SettingFailure"/>). Our own attributes rather than the
/// framework's: <see cref="RangeAttribute"/> with <see cref="TimeSpan"/> bounds converts them through a type converter
/// (IL2026, not trim safe), and the framework's errors name the class and property
/// (<c>The field XWebhooksInboxOptions.MaxAttempts must be between …</c>), not the key, and not the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal abstract class SettingRuleAttribute : ValidationAttribute
{
    /// <summary>A sentence after the error that says how to fix the setting or why the rule exists.</summary>
    public string? Hint { get; set; }

    /// <summary>What the value must be, completing "{key} must …": for example "be at least 1".</summary>
    protected abstract string Rule { get; }

    /// <summary>Whether <paramref name="value"/>, the property's value, keeps the rule.</summary>
    protected abstract bool Accepts(object? value);

    /// <inheritdoc/>
    public sealed override bool IsValid(object? value) => Accepts(value);

    /// <inheritdoc/>
    protected sealed override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (Accepts(value))
        {
            return ValidationResult.Success;
        }

        // The generated validator's context holds the options (ObjectInstance) and the property (MemberName). The
        // result names no member: the options result builder would otherwise put "MemberName: " before the message.
        var key = validationContext.ObjectInstance is IOptionsSection options && validationContext.MemberName is { } member
            ? SettingFailure.Key(options, member)
            : validationContext.DisplayName;
        return new ValidationResult(SettingFailure.Message(key, Rule, SettingFailure.Describe(value), Hint));
    }
}
