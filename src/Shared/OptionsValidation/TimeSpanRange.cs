namespace XWebhooks.OptionsValidation;

/// <summary>
/// A time span of at least <paramref name="minimum"/> (or with <see cref="MinimumIsExclusive"/> more than it) and,
/// with <paramref name="maximum"/>, at most (or with <see cref="MaximumIsExclusive"/> below) it.
/// </summary>
internal sealed class TimeSpanRange(TimeSpan minimum, TimeSpan? maximum = null) : SettingRule
{
    /// <summary>The value must be more than the minimum, not equal to it ("more than 00:00:00": positive).</summary>
    public bool MinimumIsExclusive { get; init; }

    /// <summary>The value must be below the maximum, not equal to it.</summary>
    public bool MaximumIsExclusive { get; init; }

    public override string Requirement =>
        (MinimumIsExclusive ? $"be more than {SettingFailure.Describe(minimum)}" : $"be at least {SettingFailure.Describe(minimum)}")
        + (maximum is not { } upper ? "" : MaximumIsExclusive ? $" and below {SettingFailure.Describe(upper)}" : $" and at most {SettingFailure.Describe(upper)}");

    public override bool Accepts(object? value) =>
        value is TimeSpan span
        && (MinimumIsExclusive ? span > minimum : span >= minimum)
        && (maximum is not { } upper || (MaximumIsExclusive ? span < upper : span <= upper));
}
