using System.Globalization;

namespace XWebhooks.OptionsValidation;

/// <summary>An <see cref="int"/>, <see cref="long"/> or <see cref="double"/> between bounds (NaN never is).</summary>
internal sealed class NumberRangeAttribute : SettingRuleAttribute
{
    private readonly double minimum;
    private readonly double? maximum;

    /// <summary>At least <paramref name="minimum"/>.</summary>
    // Two constructors, not an infinite default maximum: [OptionsValidator] would write that default as "Infinity".
    public NumberRangeAttribute(double minimum) => this.minimum = minimum;

    /// <summary>At least <paramref name="minimum"/> and at most (or with <see cref="MaximumIsExclusive"/> below) <paramref name="maximum"/>.</summary>
    public NumberRangeAttribute(double minimum, double maximum) => (this.minimum, this.maximum) = (minimum, maximum);

    /// <summary>The value must be below the maximum, not equal to it.</summary>
    public bool MaximumIsExclusive { get; set; }

    protected override string Rule =>
        $"be at least {Format(minimum)}"
        + (maximum is not { } upper ? "" : MaximumIsExclusive ? $" and below {Format(upper)}" : $" and at most {Format(upper)}");

    protected override bool Accepts(object? value)
    {
        double? number = value switch
        {
            int whole => whole,
            long whole => whole,
            double real => real,
            _ => null,
        };
        return number is { } n && n >= minimum && (maximum is not { } upper || (MaximumIsExclusive ? n < upper : n <= upper));
    }

    private static string Format(double bound) => bound.ToString(CultureInfo.InvariantCulture);
}
