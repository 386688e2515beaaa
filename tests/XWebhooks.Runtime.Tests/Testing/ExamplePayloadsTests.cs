using XWebhooks.Testing;

namespace XWebhooks.Tests.Testing;

public sealed class ExamplePayloadsTests
{
    [Fact]
    public void Every_fixture_is_embedded_byte_for_byte()
    {
        var fixtures = Fixtures.All("").Select(path => path.Replace('\\', '/')[..^".json".Length]).ToList();

        Assert.Equal(fixtures, XExamplePayloads.Names);
        Assert.All(fixtures, name => Assert.Equal(Fixtures.Read(name + ".json"), XExamplePayloads.Get(name)));
    }

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => XExamplePayloads.Get("activity/no.such.kind"));
        Assert.Contains("No X example payload is called 'activity/no.such.kind'", ex.Message, StringComparison.Ordinal);
    }
}
