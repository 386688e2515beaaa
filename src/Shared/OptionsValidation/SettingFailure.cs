using System.Globalization;

namespace XWebhooks.OptionsValidation;

/// <summary>
/// The one format of every options validation error: <c>{key} must {rule}; it is {value}.</c>, then an optional hint
/// that says how to fix it, for example <c>XWebhooks:Inbox:MaxAttempts must be at least 1; it is 0.</c>
/// </summary>
internal static class SettingFailure
{
    /// <summary>The full configuration key of <paramref name="property"/>, such as <c>XWebhooks:Inbox:MaxAttempts</c>.</summary>
    public static string Key(IOptionsSection options, string property) => $"{options.SectionPath}:{property}";

    /// <summary>The error: <paramref name="rule"/> completes "must …", <paramref name="actual"/> completes "it is …".</summary>
    public static string Message(string key, string rule, string actual, string? hint = null) =>
        hint is null ? $"{key} must {rule}; it is {actual}." : $"{key} must {rule}; it is {actual}. {hint}";

    /// <summary>
    /// How a value reads in an error. A string's content is shown only by rules whose values are not secrets: the
    /// rules for secrets fail only on unset or blank values, which this describes without quoting.
    /// </summary>
    public static string Describe(object? value) => value switch
    {
        null or "" => "not set",
        string text when string.IsNullOrWhiteSpace(text) => "blank",
        string text => $"'{text}'",
        TimeSpan span => Describe(span),
        Uri uri => $"'{uri.OriginalString}'",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A time span in .NET's constant format, the one configuration takes: <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    public static string Describe(TimeSpan span) => span.ToString("c", CultureInfo.InvariantCulture);
}
