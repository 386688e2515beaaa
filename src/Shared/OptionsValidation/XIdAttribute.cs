namespace XWebhooks.OptionsValidation;

/// <summary>An X id (1 to 19 ASCII digits, as X's 64-bit ids are written), or unset.</summary>
internal sealed class XIdAttribute : SettingRuleAttribute
{
    protected override string Rule => "be an X id (1 to 19 digits)";

    protected override bool Accepts(object? value) =>
        value is null || (value is string id && id.Length is > 0 and <= 19 && id.All(char.IsAsciiDigit));
}
