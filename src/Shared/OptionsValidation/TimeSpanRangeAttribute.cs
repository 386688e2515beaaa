using System.Globalization;

namespace XWebhooks.OptionsValidation;

/// <summary>
/// A time span between bounds written in .NET's constant format (<c>"00:00:10"</c>, <c>"1.00:00:00"</c>), parsed
/// here with <see cref="TimeSpan.ParseExact(string, string, IFormatProvider)"/>: no type converter, so trim safe.
/// Without <paramref name="maximum"/> only the minimum applies.
/// </summary>
internal sealed class TimeSpanRangeAttribute(string minimum, string? maximum = null) : SettingRuleAttribute
{
    private readonly TimeSpan min = TimeSpan.ParseExact(minimum, "c", CultureInfo.InvariantCulture);
    private readonly TimeSpan? max = maximum is null ? null : TimeSpan.ParseExact(maximum, "c", CultureInfo.InvariantCulture);

    /// <summary>The value must be more than the minimum, not equal to it ("more than 00:00:00": positive).</summary>
    public bool MinimumIsExclusive { get; set; }

    /// <summary>The value must be below the maximum, not equal to it.</summary>
    public bool MaximumIsExclusive { get; set; }

    protected override string Rule =>
        (MinimumIsExclusive ? $"be more than {SettingFailure.Describe(min)}" : $"be at least {SettingFailure.Describe(min)}")
        + (max is not { } upper ? "" : MaximumIsExclusive ? $" and below {SettingFailure.Describe(upper)}" : $" and at most {SettingFailure.Describe(upper)}");

    protected override bool Accepts(object? value) =>
        value is TimeSpan span
        && (MinimumIsExclusive ? span > min : span >= min)
        && (max is not { } upper || (MaximumIsExclusive ? span < upper : span <= upper));
}
