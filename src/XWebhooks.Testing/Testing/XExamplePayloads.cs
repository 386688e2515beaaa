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

    /// <summary>
    /// The example called <paramref name="nameOrKind"/>: an exact name (<c>activity/post.create</c>) or a bare
    /// kind that names one example (<c>post.create</c>, <c>favorite_events</c>, <c>post</c> for the filtered-stream post).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No example, or more than one, has that kind; the message lists the candidates.</exception>
    public static string Resolve(string nameOrKind)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrKind);
        if (Names.Contains(nameOrKind, StringComparer.Ordinal))
        {
            return nameOrKind;
        }

        var matches = Names.Where(name => name.EndsWith("/" + nameOrKind, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new KeyNotFoundException($"No X example payload is called '{nameOrKind}'. Known examples: {string.Join(", ", Names)}."),
            _ => throw new KeyNotFoundException($"'{nameOrKind}' names more than one example ({string.Join(", ", matches)}); use the full name."),
        };
    }

    /// <summary>
    /// The example named by <paramref name="nameOrKind"/> (see <see cref="Resolve"/>) with fresh identifiers, so
    /// that a receiver's dedupe treats every call's result as a new event: the X Activity API <c>event_uuid</c>,
    /// Account Activity event ids and timestamps, the filtered-stream post id. Everything else is the documented example.
    /// </summary>
    public static byte[] CreateUnique(string nameOrKind) => XExampleRefresher.WithFreshIds(Get(Resolve(nameOrKind)));
}
