namespace XWebhooks.OptionsValidation;

/// <summary>
/// A string that is set and not blank. With <see cref="AllowUnset"/> it may be unset (null or empty, as an empty
/// environment variable leaves it), but not white space only. Never quotes the value: secrets use this rule.
/// </summary>
internal sealed class NotBlank : SettingRule
{
    /// <summary>The setting is optional: unset passes, blank does not.</summary>
    public bool AllowUnset { get; init; }

    public override string Requirement => AllowUnset ? "not be blank" : "be set";

    public override bool Accepts(object? value) => value switch
    {
        null or "" => AllowUnset,
        string text => !string.IsNullOrWhiteSpace(text),
        _ => false,
    };
}
