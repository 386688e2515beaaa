namespace XWebhooks.Tests.Events.Schema;

/// <summary>
/// The committed field list of X's schema objects (extracted once from the published types of X's TypeScript SDK by
/// eng/schema/extract-xdk-fields.mjs) and the list of fields deliberately not on a model, with reasons.
/// </summary>
internal static class SchemaFieldList
{
    public const string FieldsFile = "schema/xdk-0.6.6-fields.txt";
    public const string NotOnModelsFile = "schema/xdk-0.6.6-not-on-models.txt";

    /// <summary>Every listed field: its wire path (<c>Post.entities.urls.images.url</c>) and kind (<c>string</c>, <c>ref:User</c>, …).</summary>
    public static IReadOnlyList<(string Path, string Kind)> Fields() =>
        Lines(FieldsFile).Select(static line => Split(line)).ToList();

    /// <summary>Fields deliberately not on a model (an entry covers the fields below it), with their reasons.</summary>
    public static IReadOnlyDictionary<string, string> NotOnModels() =>
        Lines(NotOnModelsFile).Select(static line => Split(line)).ToDictionary(static entry => entry.Path, static entry => entry.Value, StringComparer.Ordinal);

    public static string Header(string file) =>
        string.Join('\n', File.ReadLines(Path.Combine(Fixtures.Directory, file)).TakeWhile(static line => line.StartsWith('#')));

    private static IEnumerable<string> Lines(string file) =>
        File.ReadLines(Path.Combine(Fixtures.Directory, file))
            .Where(static line => line.Length > 0 && !line.StartsWith('#'));

    private static (string Path, string Value) Split(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || space == line.Length - 1)
        {
            throw new InvalidDataException($"Expected '<path> <kind or reason>', found '{line}'.");
        }

        return (line[..space], line[(space + 1)..]);
    }
}
