using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace XWebhooks.Hosting;

/// <summary>
/// Finds the app's own assemblies that carry generated handlers (<see cref="XWebhookHandlerAssemblyAttribute"/>)
/// by reading the metadata of the app-local assemblies the host resolved (its trusted platform assembly list),
/// without loading any of them. Only a diagnostic: it names assemblies that were not wired, it never wires
/// anything (that stays generated code).
/// </summary>
/// <remarks>
/// Reference walks cannot do this: a project that calls <c>AddXWebhooks</c> without the generator never uses a
/// type of its handler library, so the compiler records no reference to it. The host's list has it (from
/// deps.json). Native AOT and single-file apps have no such list; there the generator wires handler assemblies.
/// </remarks>
internal static class HandlerAssemblyScanner
{
    private const string AttributeNamespace = "XWebhooks.Hosting";
    private const string AttributeName = nameof(XWebhookHandlerAssemblyAttribute);

    // The app's assembly list and their attributes do not change while the process runs: read them once, not per host.
    private static readonly Lazy<IReadOnlyList<(string AssemblyName, IReadOnlyList<string> HandlerTypes)>> AppLocal =
        new(() => Find(AppLocalAssemblies()));

    /// <summary>The handler assemblies among <see cref="AppLocalAssemblies"/>, read once per process.</summary>
    public static IReadOnlyList<(string AssemblyName, IReadOnlyList<string> HandlerTypes)> AppLocalHandlerAssemblies => AppLocal.Value;

    /// <summary>The assemblies in the app's own folder that the host resolved; empty where there is no such list.</summary>
    private static IReadOnlyList<string> AppLocalAssemblies()
    {
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is not string list)
        {
            return [];
        }

        var appDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(AppContext.BaseDirectory));
        return list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), appDirectory, StringComparison.Ordinal))
            .ToList();
    }

    public static IReadOnlyList<(string AssemblyName, IReadOnlyList<string> HandlerTypes)> Find(IEnumerable<string> assemblyPaths)
    {
        var found = new List<(string, IReadOnlyList<string>)>();
        foreach (var path in assemblyPaths)
        {
            try
            {
                if (Read(path) is { } handlers)
                {
                    found.Add(handlers);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
            {
                // Not a readable managed assembly: it cannot hold handlers either.
            }
        }

        return found;
    }

    private static (string AssemblyName, IReadOnlyList<string> HandlerTypes)? Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            return null;
        }

        var metadata = pe.GetMetadataReader();
        if (!metadata.IsAssembly)
        {
            return null;
        }

        var assembly = metadata.GetAssemblyDefinition();
        foreach (var handle in assembly.GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (!IsHandlerAssemblyAttribute(metadata, attribute))
            {
                continue;
            }

            // The constructor is (Type registrationType, params string[] handlerTypes): prolog, the type as its
            // serialized name, then the array's length and elements.
            var value = metadata.GetBlobReader(attribute.Value);
            if (value.ReadUInt16() != 1)
            {
                return null;
            }

            value.ReadSerializedString();
            var count = value.ReadInt32();
            var handlerTypes = new List<string>(Math.Max(count, 0));
            for (var i = 0; i < count; i++)
            {
                handlerTypes.Add(value.ReadSerializedString() ?? string.Empty);
            }

            return (metadata.GetString(assembly.Name), handlerTypes);
        }

        return null;
    }

    private static bool IsHandlerAssemblyAttribute(MetadataReader metadata, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            return false;
        }

        var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
        if (constructor.Parent.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        var type = metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent);
        return metadata.StringComparer.Equals(type.Name, AttributeName) && metadata.StringComparer.Equals(type.Namespace, AttributeNamespace);
    }
}
