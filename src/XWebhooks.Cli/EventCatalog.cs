using XWebhooks.Testing;

namespace XWebhooks.Cli;

/// <summary>The event kinds the tool can send: X's documented examples (<see cref="XExamplePayloads"/>), grouped by product.</summary>
internal static class EventCatalog
{
    /// <summary>Products in display order: example folder and product name.</summary>
    public static readonly (string Folder, string Product)[] Products =
    [
        ("activity", "X Activity API"),
        ("account-activity", "Account Activity API"),
        ("stream", "Filtered stream"),
    ];

    /// <summary>The full example name for <paramref name="kind"/> (a full name or a bare kind), or a <see cref="UsageException"/> that suggests close names.</summary>
    public static string Resolve(string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            throw new UsageException("no event type given; run 'xwebhooks events' to list them");
        }

        try
        {
            return XExamplePayloads.Resolve(kind.Trim());
        }
        catch (KeyNotFoundException ex) when (ex.Message.Contains("more than one", StringComparison.Ordinal))
        {
            throw new UsageException(ex.Message);
        }
        catch (KeyNotFoundException)
        {
            var suggestions = Suggest(kind.Trim());
            var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(", ", suggestions)}?" : string.Empty;
            throw new UsageException($"unknown event type '{kind}'.{hint} Run 'xwebhooks events' to list every sendable event.");
        }
    }

    /// <summary>Up to three example names close to <paramref name="kind"/>, closest first.</summary>
    public static IReadOnlyList<string> Suggest(string kind)
    {
        var lowered = kind.ToLowerInvariant();
        return
        [
            .. XExamplePayloads.Names
                .Select(name => (Name: name, Distance: Math.Min(Distance(lowered, name), Distance(lowered, ShortKind(name)))))
                .Select(candidate => candidate with { Distance = ShortKind(candidate.Name).Contains(lowered, StringComparison.Ordinal) && lowered.Length >= 3 ? Math.Min(candidate.Distance, 1) : candidate.Distance })
                .Where(candidate => candidate.Distance <= Math.Max(2, lowered.Length / 3))
                .OrderBy(candidate => candidate.Distance)
                .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
                .Take(3)
                .Select(candidate => candidate.Name),
        ];
    }

    /// <summary>The part after the folder: <c>activity/post.create</c> → <c>post.create</c>.</summary>
    public static string ShortKind(string name) => name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>The folder: <c>activity/post.create</c> → <c>activity</c>.</summary>
    public static string Folder(string name) => name[..Math.Max(0, name.IndexOf('/', StringComparison.Ordinal))];

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
