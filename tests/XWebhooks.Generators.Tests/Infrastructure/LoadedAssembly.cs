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

    public static LoadedAssembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("xwebhooks-generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new LoadedAssembly(context, context.LoadFromStream(stream));
    }

    /// <summary>
    /// Runs the module initializer and returns the registrations it added to <see cref="XWebhooksGeneratedRegistry"/>
    /// (reflection over the registry's private array: test only; other tests' assemblies add theirs too).
    /// </summary>
    public IReadOnlyList<Action<IServiceCollection>> RunModuleInitializer()
    {
        var field = typeof(XWebhooksGeneratedRegistry).GetField("registrations", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("XWebhooksGeneratedRegistry.registrations not found");
        lock (RegistryGate)
        {
            var before = (Action<IServiceCollection>[])field.GetValue(null)!;
            RuntimeHelpers.RunModuleConstructor(Assembly.ManifestModule.ModuleHandle);
            var after = (Action<IServiceCollection>[])field.GetValue(null)!;
            return after.Where(registration => !before.Contains(registration)).ToList();
        }
    }

    /// <summary>Builds a provider from the generated registrations plus the test source's optional <c>Setup.Configure</c>.</summary>
    public ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        foreach (var registration in RunModuleInitializer())
        {
            registration(services);
        }

        Assembly.GetType("Setup")?.GetMethod("Configure")?.Invoke(null, [services]);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public object? GetStatic(string typeName, string member) =>
        Assembly.GetType(typeName, throwOnError: true)!.GetProperty(member)?.GetValue(null)
        ?? Assembly.GetType(typeName, throwOnError: true)!.GetField(member)?.GetValue(null);

    public void Dispose() => context.Unload();
}
