using System.Globalization;

namespace XWebhooks.OptionsValidation;

/// <summary>
/// An <see cref="int"/>, <see cref="long"/> or <see cref="double"/> of at least <paramref name="minimum"/> and, with
/// <paramref name="maximum"/>, at most (or with <see cref="MaximumIsExclusive"/> below) it. NaN never is.
/// </summary>
internal sealed class NumberRange(double minimum, double? maximum = null) : SettingRule
{
    /// <summary>The value must be below the maximum, not equal to it.</summary>
    public bool MaximumIsExclusive { get; init; }

    public override string Requirement =>
        $"be at least {Format(minimum)}"
        + (maximum is not { } upper ? "" : MaximumIsExclusive ? $" and below {Format(upper)}" : $" and at most {Format(upper)}");

    public override bool Accepts(object? value)
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
