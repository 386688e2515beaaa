using System.Runtime.CompilerServices;

namespace XWebhooks.Generators.Tests.Infrastructure;

/// <summary>
/// Golden files under <c>Baselines/&lt;Test&gt;/&lt;hintName&gt;.cs.txt</c> in the source tree. Set
/// <c>XWEBHOOKS_UPDATE_BASELINES=1</c> to rewrite them, then review every diff before committing.
/// </summary>
internal static class Baselines
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("XWEBHOOKS_UPDATE_BASELINES") == "1";

    public static void Verify(GeneratorResult result, string testName, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(ProjectDirectory(callerFile), "Baselines", testName);
        var expectedFiles = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.cs.txt").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToList()
            : [];
        var actual = result.Sources.OrderBy(source => source.HintName, StringComparer.Ordinal).ToList();

        if (Update)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            foreach (var source in actual)
            {
                File.WriteAllText(Path.Combine(directory, source.HintName + ".txt"), Normalize(source.SourceText.ToString()));
            }

            return;
        }

        Assert.Equal(expectedFiles, actual.Select(source => source.HintName + ".txt").ToList());
        foreach (var source in actual)
        {
            var expected = Normalize(File.ReadAllText(Path.Combine(directory, source.HintName + ".txt")));
            Assert.Equal(expected, Normalize(source.SourceText.ToString()));
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string ProjectDirectory(string callerFile)
    {
        for (var directory = Path.GetDirectoryName(callerFile); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "XWebhooks.Generators.Tests.csproj")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("Test project directory not found from " + callerFile);
    }
}
