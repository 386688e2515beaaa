using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace XWebhooks.Hosting;

/// <summary>
/// Finds, under JIT, the application's own assemblies that carry generated handlers
/// (<see cref="XWebhookHandlerAssemblyAttribute"/>), by walking references from the entry assembly. Only a
/// diagnostic: it names assemblies that were not wired, it never wires anything (that stays generated code).
/// </summary>
/// <remarks>
/// Framework assemblies and strong-named ones (NuGet libraries are; an app's own projects rarely are) are
/// skipped without loading, so the walk loads only the app's own projects, which it would load anyway.
/// </remarks>
internal static class HandlerAssemblyScanner
{
    [UnconditionalSuppressMessage(
        "Trimming",
        "IL2026:RequiresUnreferencedCode",
        Justification = "A diagnostic only: in a trimmed app a removed reference cannot hold handlers that run, so missing it is harmless; Native AOT skips the walk.")]
    public static IReadOnlyList<(string AssemblyName, IReadOnlyList<string> HandlerTypes)> Find(Assembly root)
    {
        var found = new List<(string, IReadOnlyList<string>)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { root.GetName().Name ?? string.Empty };
        var queue = new Queue<Assembly>();
        queue.Enqueue(root);
        while (queue.TryDequeue(out var assembly))
        {
            if (assembly.GetCustomAttribute<XWebhookHandlerAssemblyAttribute>() is { } handlers)
            {
                found.Add((assembly.GetName().Name ?? assembly.FullName ?? "?", handlers.HandlerTypes));
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (IsSkipped(reference) || !seen.Add(reference.Name!))
                {
                    continue;
                }

                try
                {
                    queue.Enqueue(Assembly.Load(reference));
                }
                catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // A reference the app never loads (an optional dependency) cannot hold wired handlers either.
                }
            }
        }

        return found;
    }

    private static bool IsSkipped(AssemblyName reference) =>
        reference.Name is null or "XWebhooks" or "netstandard" or "mscorlib"
        || reference.Name.StartsWith("System.", StringComparison.Ordinal)
        || reference.Name.StartsWith("Microsoft.", StringComparison.Ordinal)
        || reference.GetPublicKeyToken() is { Length: > 0 };
}
