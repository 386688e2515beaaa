namespace XWebhooks.OptionsValidation;

/// <summary>An X id (1 to 19 ASCII digits, as X's 64-bit ids are written), or unset.</summary>
internal sealed class XId : SettingRule
{
    public override string Requirement => "be an X id (1 to 19 digits)";

    public override bool Accepts(object? value) =>
        value is null || (value is string id && id.Length is > 0 and <= 19 && id.All(char.IsAsciiDigit));
}
