using System.Reflection;

namespace XWebhooks.Testing;

/// <summary>
/// The payload examples X documents for every event kind, embedded in this assembly: realistic bodies for
/// tests and local tools. Names are <c>&lt;folder&gt;/&lt;kind&gt;</c>, for example <c>activity/post.create</c>,
/// <c>account-activity/favorite_events</c> or <c>stream/post</c>.
/// </summary>
public static class XExamplePayloads
{
    private const string Prefix = "XWebhooks.Examples/";
    private const string Extension = ".json";

    private static readonly Assembly Assembly = typeof(XExamplePayloads).Assembly;

    /// <summary>Every embedded example's name, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(Extension, StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..^Extension.Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The exact bytes of the example called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No example has that name; the message lists the names.</exception>
    public static byte[] Get(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var stream = Assembly.GetManifestResourceStream(Prefix + name + Extension)
            ?? throw new KeyNotFoundException($"No X example payload is called '{name}'. Known examples: {string.Join(", ", Names)}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
