using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Hosting;

namespace XWebhooks.Generators.Tests.Infrastructure;

/// <summary>
/// A generated test compilation emitted and loaded in a collectible load context (XWebhooks and DI
/// resolve to the test's own copies), with its module initializer's registrations applied to a
/// fresh <see cref="ServiceCollection"/>.
/// </summary>
internal sealed class LoadedAssembly : IDisposable
{
    private static readonly Lock RegistryGate = new();
    private readonly AssemblyLoadContext context;

    private LoadedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        this.context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>Emits and loads <paramref name="compilation"/>, after the compilations it references (<paramref name="dependencies"/>), into one new context.</summary>
    public static LoadedAssembly Load(Compilation compilation, params Compilation[] dependencies)
    {
        var context = new AssemblyLoadContext("xwebhooks-generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        foreach (var dependency in dependencies)
        {
            context.LoadFromStream(Emit(dependency));
        }

        return new LoadedAssembly(context, context.LoadFromStream(Emit(compilation)));
    }

    private static MemoryStream Emit(Compilation compilation)
    {
        var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        stream.Position = 0;
        return stream;
    }

    /// <summary>
    /// Runs the module initializer and returns the registrations it added to <see cref="XWebhooksGeneratedRegistry"/>
    /// (other tests' assemblies add theirs too, so only the new ones).
    /// </summary>
    public IReadOnlyList<XWebhookHandlerRegistration> RunModuleInitializer()
    {
        lock (RegistryGate)
        {
            var before = XWebhooksGeneratedRegistry.Registrations;
            RuntimeHelpers.RunModuleConstructor(Assembly.ManifestModule.ModuleHandle);
            return XWebhooksGeneratedRegistry.Registrations.Where(registration => !before.Contains(registration)).ToList();
        }
    }

    /// <summary>Builds a provider from the generated registrations plus the test source's optional <c>Setup.Configure</c>.</summary>
    public ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        foreach (var registration in RunModuleInitializer())
        {
            WiredHandlerRegistrations.Wire(services, registration);
        }

        Assembly.GetType("Setup")?.GetMethod("Configure")?.Invoke(null, [services]);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public object? GetStatic(string typeName, string member) =>
        Assembly.GetType(typeName, throwOnError: true)!.GetProperty(member)?.GetValue(null)
        ?? Assembly.GetType(typeName, throwOnError: true)!.GetField(member)?.GetValue(null);

    public void Dispose() => context.Unload();
}
