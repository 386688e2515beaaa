using Microsoft.CodeAnalysis;

namespace XWebhooks.Analyzers;

/// <summary>One symbol per method, whichever way it is reached (a partial part, a reduced extension call, a generic instance).</summary>
internal static class MethodIdentity
{
    /// <summary>The partial implementation, the unreduced extension method, or the original generic definition.</summary>
    public static IMethodSymbol Normalize(IMethodSymbol method)
    {
        method = method.PartialImplementationPart ?? method;
        return method.ReducedFrom ?? method.OriginalDefinition;
    }
}
