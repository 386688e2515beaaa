namespace XWebhooks.OptionsValidation;

/// <summary>One of the named values of <typeparamref name="TEnum"/> (code can cast any number to an enum).</summary>
internal sealed class DefinedEnumAttribute<TEnum> : SettingRuleAttribute
    where TEnum : struct, Enum
{
    protected override string Rule
    {
        get
        {
            var names = Enum.GetNames<TEnum>();
            return names.Length == 1 ? $"be {names[0]}" : $"be {string.Join(", ", names[..^1])} or {names[^1]}";
        }
    }

    protected override bool Accepts(object? value) => value is TEnum named && Enum.IsDefined(named);
}
