namespace XWebhooks.OptionsValidation;

/// <summary>An absolute URI, such as <c>https://api.x.com/</c>.</summary>
internal sealed class AbsoluteUri : SettingRule
{
    public override string Requirement => "be an absolute URI";

    public override bool Accepts(object? value) => value is Uri { IsAbsoluteUri: true };
}
