namespace XWebhooks.OptionsValidation;

/// <summary>An absolute URI, such as <c>https://api.x.com/</c>.</summary>
internal sealed class AbsoluteUriAttribute : SettingRuleAttribute
{
    protected override string Rule => "be an absolute URI";

    protected override bool Accepts(object? value) => value is Uri { IsAbsoluteUri: true };
}
