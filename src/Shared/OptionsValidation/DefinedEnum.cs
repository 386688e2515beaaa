namespace XWebhooks.OptionsValidation;

/// <summary>One of the named values of <typeparamref name="TEnum"/> (code can cast any number to an enum).</summary>
internal sealed class DefinedEnum<TEnum> : SettingRule
    where TEnum : struct, Enum
{
    public override string Requirement
    {
        get
        {
            var names = Enum.GetNames<TEnum>();
            return names.Length == 1 ? $"be {names[0]}" : $"be {string.Join(", ", names[..^1])} or {names[^1]}";
        }
    }

    public override bool Accepts(object? value) => value is TEnum named && Enum.IsDefined(named);
}
