using Microsoft.CodeAnalysis;
using XWebhooks.Generators.Model;

namespace XWebhooks.Generators.Diagnostics;

/// <summary>Turns an exception inside the generator into the "internal error — please report" diagnostic (XWH006).</summary>
internal static class InternalErrors
{
    public static DiagnosticInfo Create(Exception exception, Location? location)
    {
        var stack = (exception.StackTrace ?? string.Empty)
            .Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(static line => line.Trim())
            .Take(5);
        var message = exception.Message.Replace('\r', ' ').Replace('\n', ' ');
        return DiagnosticInfo.Create(
            DiagnosticDescriptors.InternalError,
            location,
            exception.GetType().FullName ?? exception.GetType().Name,
            message,
            string.Join(" | ", stack));
    }
}
