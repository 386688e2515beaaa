namespace XWebhooks.Generators.Model;

/// <summary>One type in the chain that contains a handler, as needed to re-declare it <c>partial</c>.</summary>
/// <param name="Keyword">The declaration keyword(s) before <c>partial</c>'s type keyword, for example <c>static partial class</c>.</param>
/// <param name="Name">The type's name.</param>
internal sealed record ContainingTypeModel(string Keyword, string Name);
