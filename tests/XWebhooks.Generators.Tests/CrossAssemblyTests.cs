using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Delivery;
using XWebhooks.Generators.Tests.Infrastructure;
using XWebhooks.Hosting;

namespace XWebhooks.Generators.Tests;

/// <summary>
/// Handlers in a class library that the app references: the library exposes a public registration and marks
/// itself in metadata; the referencing assembly's generator finds it there and wires it from its own module
/// initializer, so <c>AddXWebhooks</c> sees it before the library is otherwise touched.
/// </summary>
public sealed class CrossAssemblyTests
{
    private const string AppOnlyFile = """
        namespace App
        {
            public static class Program { public static int Answer => 42; }
        }
        """;

    [Fact]
    public void A_library_with_handlers_exposes_its_registration_and_marks_its_assembly()
    {
        var library = GeneratorHarness.Run(GeneratorHarness.CompileAs("Contoso.Webhooks", [], TestSources.StaticOnlyFiles));

        Assert.Empty(library.CompileProblems());
        var attribute = Assert.Single(library.Output.Assembly.GetAttributes(), a => a.AttributeClass?.Name == "XWebhookHandlerAssemblyAttribute");
        var registrationType = Assert.IsAssignableFrom<INamedTypeSymbol>(attribute.ConstructorArguments[0].Value);
        Assert.Equal("XWebhooks.Generated.Contoso.Webhooks.XWebhookHandlers", registrationType.ToDisplayString());
        Assert.Equal(Accessibility.Public, registrationType.DeclaredAccessibility);
        Assert.Equal(["GlobalHandlers"], attribute.ConstructorArguments[1].Values.Select(value => (string)value.Value!));
    }

    [Fact]
    public void An_app_without_handlers_wires_the_referenced_library_from_its_module_initializer()
    {
        var (library, app) = CompileLibraryAndApp(("/src/App/Program.cs", AppOnlyFile));

        var registrationFile = Assert.Single(app.Sources);
        Assert.Equal("XWebhooksRegistration.g.cs", registrationFile.HintName);
        var text = registrationFile.SourceText.ToString();
        Assert.Contains("XWebhooksGeneratedRegistry.Add(global::XWebhooks.Generated." + library.AssemblyName + ".XWebhookHandlers.Registration);", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[assembly:", text, StringComparison.Ordinal); // the app has no handlers of its own to advertise
        Assert.Empty(app.CompileProblems());

        using var loaded = LoadedAssembly.Load(app.Output, library);
        var registration = Assert.Single(loaded.RunModuleInitializer());
        Assert.Equal(library.AssemblyName, registration.AssemblyName);
        Assert.Equal(["GlobalHandlers"], registration.HandlerTypes);

        var services = new ServiceCollection();
        WiredHandlerRegistrations.Wire(services, registration);
        using var provider = services.BuildServiceProvider();
        var dispatcher = Assert.Single(provider.GetServices<IXWebhookDispatcher>());
        Assert.Equal(0, dispatcher.Route(XProduct.AccountActivity, "favorite_events"u8));
    }

    [Fact]
    public void An_app_with_handlers_of_its_own_wires_both_itself_and_the_library()
    {
        var (library, app) = CompileLibraryAndApp(("/src/App/AppHandlers.cs", """
            using XWebhooks;
            using XWebhooks.Events;

            namespace App
            {
                public static partial class AppHandlers
                {
                    [XWebhookHandler]
                    public static void OnAnything(XUnknownEvent e) { }
                }
            }
            """));

        Assert.Empty(app.CompileProblems());
        using var loaded = LoadedAssembly.Load(app.Output, library);
        var registrations = loaded.RunModuleInitializer();

        // Libraries first: an app's fallback handler must not hide the libraries' handlers.
        Assert.Equal([library.AssemblyName!, app.Input.AssemblyName!], registrations.Select(r => r.AssemblyName));
        Assert.Equal(["App.AppHandlers"], registrations[1].HandlerTypes);
    }

    [Fact]
    public void A_referenced_assembly_without_handlers_adds_nothing()
    {
        var plain = GeneratorHarness.CompileAs("Contoso.Plain", [], ("/src/Plain/Plain.cs", "namespace Plain { public sealed class Thing { } }"));
        var app = GeneratorHarness.Run(GeneratorHarness.CompileAs("Contoso.App", [plain.ToMetadataReference()], ("/src/App/Program.cs", AppOnlyFile)));

        Assert.Empty(app.Sources);
    }

    /// <summary>A handler library (generated, emitted) and an app compiled against its emitted image, as a build would.</summary>
    internal static (Compilation Library, GeneratorResult App) CompileLibraryAndApp(params (string Path, string Source)[] appFiles)
    {
        var name = "Contoso.Webhooks" + Guid.NewGuid().ToString("N");
        var library = GeneratorHarness.Run(GeneratorHarness.CompileAs(name, [], TestSources.StaticOnlyFiles));
        Assert.Empty(library.CompileProblems());
        using var image = new MemoryStream();
        Assert.True(library.Output.Emit(image).Success);
        var reference = MetadataReference.CreateFromImage(image.ToArray());
        var app = GeneratorHarness.Run(GeneratorHarness.CompileAs("Contoso.App" + Guid.NewGuid().ToString("N"), [reference], appFiles));
        Assert.Empty(app.GeneratorDiagnostics);
        return (library.Output, app);
    }
}
