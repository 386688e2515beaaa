using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace XWebhooks.Tests.Architecture;

/// <summary>
/// Which XWebhooks namespaces the shipped source files use, read from their <c>using</c> directives and
/// <c>global::</c> names. The event types and their System.Text.Json metadata (<c>XWebhooks.Events.*</c> and
/// <c>XWebhooks.Serialization</c>) count as one part, the model: source generation ties each event type to its
/// context and each context to its types. The root namespace <c>XWebhooks</c> holds the vocabulary every part may
/// use (<c>XProduct</c>, <c>XDelivery</c>, the handler attribute) and is not a part.
/// </summary>
internal static partial class NamespaceGraph
{
    public const string Model = "XWebhooks.Events+Serialization";

    public static Dictionary<string, SortedSet<string>> Read(params string[] projects)
    {
        var files = projects
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .Select(File.ReadAllText)
            .Select(source => (Source: source, Namespace: NamespaceDeclaration().Match(source).Groups[1].Value))
            .ToList();
        var declaredNamespaces = files.Select(f => f.Namespace).ToHashSet(StringComparer.Ordinal);

        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (source, declaredNamespace) in files)
        {
            if (Part(declaredNamespace) is not { } declared)
            {
                continue;
            }

            var uses = graph.TryGetValue(declared, out var existing) ? existing : graph[declared] = new(StringComparer.Ordinal);
            var usings = UsingDirective().Matches(source).Select(m => m.Groups[1].Value);
            var qualified = GlobalName().Matches(source).Select(m => LongestNamespacePrefix(m.Groups[1].Value, declaredNamespaces));
            foreach (var name in usings.Concat(qualified))
            {
                if (Part(name) is { } used && used != declared)
                {
                    uses.Add(used);
                }
            }
        }

        return graph;
    }

    /// <summary>The first cycle found, as the namespaces along it, or null when the graph has none.</summary>
    public static IReadOnlyList<string>? FindCycle(Dictionary<string, SortedSet<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the current path, 2 = done
        var path = new List<string>();

        IReadOnlyList<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.TryGetValue(node, out var uses) ? uses : [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static string? Part(string name) => name switch
    {
        "" or "XWebhooks" => null,
        _ when name.StartsWith("XWebhooks.Events", StringComparison.Ordinal) || name == "XWebhooks.Serialization" => Model,
        _ when name.StartsWith("XWebhooks.", StringComparison.Ordinal) => name,
        _ => null, // Microsoft.Extensions.DependencyInjection and friends: the registration entry points, not parts
    };

    private static string LongestNamespacePrefix(string qualifiedName, HashSet<string> namespaces)
    {
        for (var name = qualifiedName; name.Contains('.', StringComparison.Ordinal); name = name[..name.LastIndexOf('.')])
        {
            if (namespaces.Contains(name))
            {
                return name;
            }
        }

        return "";
    }

    private static string RepositoryRoot([CallerFilePath] string path = "")
    {
        for (var directory = Path.GetDirectoryName(path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "XWebhooks.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"No XWebhooks.sln above {path}.");
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^using\s+(XWebhooks(?:\.\w+)*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"global::(XWebhooks(?:\.\w+)+)")]
    private static partial Regex GlobalName();
}
