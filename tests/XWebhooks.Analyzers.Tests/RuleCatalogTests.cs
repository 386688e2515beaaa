using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace XWebhooks.Analyzers.Tests;

/// <summary>Checks every shipped descriptor: ID band, help link to an existing docs/rules page, release tracking.</summary>
public class RuleCatalogTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static readonly ImmutableArray<DiagnosticDescriptor> AllDescriptors =
        Analyzers.SelectMany(a => a.SupportedDiagnostics).Distinct().ToImmutableArray();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "XWebhooks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("XWebhooks.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Every_descriptor_field_is_reported_by_an_analyzer()
    {
        var declared = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .Order();
        Assert.Equal(declared, AllDescriptors.Select(d => d.Id).Order());
    }

    [Fact]
    public void Every_descriptor_has_a_help_link_to_an_existing_rule_page()
    {
        var root = RepositoryRoot();
        Assert.NotEmpty(AllDescriptors);
        foreach (var descriptor in AllDescriptors)
        {
            Assert.Equal($"https://github.com/xwebhooks/xwebhooks/blob/main/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
            var page = Path.Combine(root, "docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id}: missing {page}");
            var text = File.ReadAllText(page);
            Assert.StartsWith("# " + descriptor.Id, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ids_are_in_their_band_and_outside_the_generator_range()
    {
        foreach (var descriptor in AllDescriptors)
        {
            Assert.Matches("^XWH[0-2][0-9][0-9]$", descriptor.Id);
            var number = int.Parse(descriptor.Id.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(number >= 10, $"{descriptor.Id}: XWH001-XWH009 belong to the source generator");
            var expected = number < 100 ? "Usage" : number < 200 ? "Reliability|Security" : "Guidance";
            Assert.Matches("^(" + expected + ")$", descriptor.Category);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void Every_descriptor_is_in_the_release_tracking_files()
    {
        var root = RepositoryRoot();
        var tracked = File.ReadAllText(Path.Combine(root, "src", "XWebhooks.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(root, "src", "XWebhooks.Analyzers", "AnalyzerReleases.Shipped.md"));
        foreach (var descriptor in AllDescriptors)
        {
            Assert.Contains(descriptor.Id + " |", tracked, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Code_fixes_only_fix_ids_that_analyzers_report()
    {
        var fixers = typeof(XWebhooks.Analyzers.CodeFixes.BlockingCallCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        Assert.Equal(3, fixers.Count);
        var ids = AllDescriptors.Select(d => d.Id).ToHashSet();
        Assert.All(fixers.SelectMany(f => f.FixableDiagnosticIds), id => Assert.Contains(id, ids));
    }
}
