using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace XWebhooks.Analyzers;

/// <summary>
/// Evaluates compile-time durations: integer milliseconds, <c>TimeSpan.FromX(const)</c>,
/// <c>new TimeSpan(const, ...)</c>, <c>TimeSpan.Zero</c>, and infinite timeouts (<c>-1</c>,
/// <c>Timeout.Infinite</c>, <c>Timeout.InfiniteTimeSpan</c>, <c>TimeSpan.MaxValue</c>).
/// </summary>
internal static class ConstantDuration
{
    /// <summary>Seconds, <see cref="double.PositiveInfinity"/> for an infinite timeout, or null when not constant.</summary>
    public static double? Seconds(IOperation value, bool integerIsMilliseconds = true)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value.ConstantValue is { HasValue: true, Value: { } constant } && value.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_Double)
        {
            var number = Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture);
            if (number == -1)
            {
                return double.PositiveInfinity;
            }

            return integerIsMilliseconds ? number / 1000 : number;
        }

        switch (value)
        {
            case IFieldReferenceOperation field when field.Field.ContainingType?.Name is "TimeSpan" or "Timeout":
                return field.Field.Name switch
                {
                    "Zero" => 0,
                    "InfiniteTimeSpan" or "MaxValue" => double.PositiveInfinity,
                    _ => null,
                };
            case IInvocationOperation invocation when invocation.TargetMethod is { IsStatic: true, ContainingType.Name: "TimeSpan" } method
                && method.Name.StartsWith("From", StringComparison.Ordinal):
                return Sum(invocation.Arguments, UnitOf(method.Name.Substring(4)));
            case IObjectCreationOperation creation when creation.Type?.Name == "TimeSpan" && creation.Type.ContainingNamespace?.Name == "System":
                return Sum(creation.Arguments, defaultUnit: null);
        }

        return null;
    }

    private static double? Sum(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, double? defaultUnit)
    {
        double total = 0;
        foreach (var argument in arguments)
        {
            var unit = UnitOf(argument.Parameter?.Name ?? string.Empty) ?? defaultUnit;
            if (unit is null || argument.Value.ConstantValue is not { HasValue: true, Value: { } constant })
            {
                return null;
            }

            total += Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture) * unit.Value;
        }

        return total;
    }

    private static double? UnitOf(string name) => name.ToLowerInvariant() switch
    {
        "days" => 86400,
        "hours" => 3600,
        "minutes" => 60,
        "seconds" => 1,
        "milliseconds" => 0.001,
        "microseconds" => 0.000001,
        "ticks" => 0.0000001,
        _ => null,
    };

    public static string Describe(double seconds) =>
        double.IsPositiveInfinity(seconds) ? "infinite" : KnownSymbols.Format(seconds);
}
