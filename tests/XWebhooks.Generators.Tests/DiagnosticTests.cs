using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using XWebhooks.Generators.Diagnostics;
using XWebhooks.Generators.Tests.Infrastructure;

namespace XWebhooks.Generators.Tests;

/// <summary>Each "cannot generate" diagnostic fires with its ID at the marked span (<c>[|…|]</c>), and never for valid code.</summary>
public sealed class DiagnosticTests
{
    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using System.Text.Json.Serialization.Metadata;
        using Bot.Events;
        using XWebhooks;
        using XWebhooks.Events;

        """;

    public static TheoryData<string, string> Cases() => new()
    {
        // XWH001: not partial (the type, or a type containing it).
        { "XWH001", "public class [|Handlers|] { [XWebhookHandler] public static void On(PostCreated e) { } }" },
        { "XWH001", "public class [|Outer|] { public partial class Inner { [XWebhookHandler] public static void On(PostCreated e) { } } }" },

        // XWH002: unsupported signature, at the offending part.
        { "XWH002", "public partial class H { [XWebhookHandler] public static [|int|] On(PostCreated e) => 0; }" },
        { "XWH002", "public partial class H { [XWebhookHandler] public static [|Task<int>|] On(PostCreated e) => Task.FromResult(0); }" },
        { "XWH002", "public partial class H { [XWebhookHandler] public static void On(PostCreated e, [|string name|]) { } }" },
        { "XWH002", "public partial class H { [XWebhookHandler] public static void On([|ref PostCreated e|]) { } }" },
        { "XWH002", "public partial class H { [XWebhookHandler] public static void On(PostCreated e, [|out int x|]) { x = 0; } }" },
        { "XWH002", "public partial class H { [XWebhookHandler] public static void On[|<T>|](PostCreated e) { } }" },
        { "XWH002", "public partial class H { [XWebhookHandler] public static void On[|()|] { } }" },

        // XWH003: the first parameter is not an X event.
        { "XWH003", "public partial class H { [XWebhookHandler] public static void On([|NotAnEvent|] e) { } }" },
        { "XWH003", "public partial class H { [XWebhookHandler] public static void On([|XDelivery|] d, CancellationToken ct) { } }" },
        { "XWH003", "[XEventType(XProduct.Activity, \"x.y\")] public sealed class NoInterface { } public partial class H { [XWebhookHandler] public static void On([|NoInterface|] e) { } }" },
        { "XWH003", "public sealed class NoKind : IXEvent<NoKind> { public static JsonTypeInfo<NoKind> JsonTypeInfo => null!; } public partial class H { [XWebhookHandler] public static void On([|NoKind|] e) { } }" },
        { "XWH003", "public partial class H { [XEventType(XProduct.Activity, \"x.y\")] private sealed class Hidden : IXEvent<Hidden> { public static JsonTypeInfo<Hidden> JsonTypeInfo => null!; } [XWebhookHandler] private static void On([|Hidden|] e) { } }" },

        // XWH004: instance handlers in a class generated code cannot create.
        { "XWH004", "public partial class [|H|] { private H() { } [XWebhookHandler] public void On(PostCreated e) { } }" },
        { "XWH004", "public abstract partial class [|H|] { [XWebhookHandler] public void On(PostCreated e) { } }" },
        { "XWH004", "public partial class [|H|] { public H(int a) { } public H(string b) { } [XWebhookHandler] public void On(PostCreated e) { } }" },

        // XWH005: a type the dispatcher cannot use.
        { "XWH005", "public partial class [|H|]<T> { [XWebhookHandler] public static void On(PostCreated e) { } }" },
        { "XWH005", "public partial class Outer { private partial class [|Inner|] { [XWebhookHandler] public static void On(PostCreated e) { } } }" },
        { "XWH005", "public partial struct [|S|] { [XWebhookHandler] public static void On(PostCreated e) { } }" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostic_fires_at_the_marked_span(string id, string markup)
    {
        var (source, span) = ParseMarkup(Usings + "namespace Bot.Tests {\n" + markup + "\n}\n");

        var result = GeneratorHarness.Run(("/src/Bot/Events.cs", TestSources.Events), ("/src/Bot/Handlers.cs", source));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/src/Bot/Handlers.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(source.Substring(span.Start, span.Length), source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));

        // A handler that cannot be generated is left out: no dispatcher, and nothing that breaks the build further.
        Assert.DoesNotContain(result.Sources, generated => generated.HintName == "XWebhooksDispatcher.g.cs");
    }

    [Fact]
    public void Valid_code_reports_nothing()
    {
        var result = GeneratorHarness.Run(TestSources.BotFiles);

        Assert.Empty(result.GeneratorDiagnostics);
    }

    [Fact]
    public void One_diagnostic_per_type_even_with_several_handlers()
    {
        var (source, span) = ParseMarkup(Usings + """
            namespace Bot.Tests
            {
                public class [|Handlers|]
                {
                    [XWebhookHandler] public static void A(PostCreated e) { }
                    [XWebhookHandler] public static void B(LikeCreated e) { }
                }
            }
            """);

        var result = GeneratorHarness.Run(("/src/Bot/Events.cs", TestSources.Events), ("/src/Bot/Handlers.cs", source));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("XWH001", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void Valid_handlers_still_generate_next_to_an_invalid_one()
    {
        var source = Usings + """
            namespace Bot.Tests
            {
                public partial class Handlers
                {
                    [XWebhookHandler] public static void Good(PostCreated e) { }
                    [XWebhookHandler] public static int Bad(PostCreated e) => 0;
                }
            }
            """;

        var result = GeneratorHarness.Run(("/src/Bot/Events.cs", TestSources.Events), ("/src/Bot/Handlers.cs", source));

        Assert.Equal("XWH002", Assert.Single(result.GeneratorDiagnostics).Id);
        Assert.Contains("__XWebhooks_Good", result.Source("XWebhooksDispatcher.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("__XWebhooks_Bad", result.Source("XWebhooksDispatcher.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Error_types_are_left_to_the_compiler()
    {
        var source = Usings + "namespace Bot.Tests { public partial class H { [XWebhookHandler] public static void On(Missing e) { } } }";

        var result = GeneratorHarness.Run(("/src/Bot/Events.cs", TestSources.Events), ("/src/Bot/Handlers.cs", source));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains(result.Output.GetDiagnostics(), diagnostic => diagnostic.Id == "CS0246");
    }

    [Fact]
    public void Internal_error_says_please_report()
    {
        var diagnostic = InternalErrors.Create(new InvalidOperationException("boom\nline two"), null).ToDiagnostic();

        Assert.Equal("XWH006", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("System.InvalidOperationException: boom line two", message, StringComparison.Ordinal);
        Assert.Contains("Please report", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_descriptor_links_to_its_rule_page_and_the_page_exists()
    {
        var ids = DiagnosticDescriptors.Descriptors.Select(descriptor => descriptor.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var docs = Path.Combine(RepositoryRoot(), "docs", "rules");
        var unshipped = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "XWebhooks.Generators", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in DiagnosticDescriptors.Descriptors)
        {
            Assert.Equal("https://github.com/xwebhooks/xwebhooks/blob/main/docs/rules/" + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.Equal(DiagnosticDescriptors.Category, descriptor.Category);
            Assert.True(File.Exists(Path.Combine(docs, descriptor.Id + ".md")), "missing docs/rules/" + descriptor.Id + ".md");
            Assert.Contains(descriptor.Id + " |", unshipped, StringComparison.Ordinal);
        }
    }

    private static (string Source, TextSpan Span) ParseMarkup(string markup)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "Did you forget to mark the expected span with [| |]?");
        var source = markup.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        for (var directory = Path.GetDirectoryName(path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "XWebhooks.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("Repository root not found");
    }
}
