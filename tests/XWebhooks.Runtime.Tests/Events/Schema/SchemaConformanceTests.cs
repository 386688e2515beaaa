using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Events;
using XWebhooks.Events.Activity;
using XWebhooks.Events.Stream;
using XWebhooks.Serialization;

namespace XWebhooks.Tests.Events.Schema;

/// <summary>
/// Every field of X's schema objects (the committed list extracted from X's TypeScript SDK) is either a property of
/// our model, found through the source-generated JSON metadata the runtime deserializes with, or listed as not on a
/// model with a reason. When X adds a field, regenerating the list makes this test name the gap.
/// </summary>
public sealed class SchemaConformanceTests
{
    private static readonly JsonSerializerOptions ActivityOptions = XActivityJsonContext.Default.Options;

    /// <summary>The model each schema object (or path prefix) is read into.</summary>
    private static readonly Dictionary<string, JsonTypeInfo> Models = new(StringComparer.Ordinal)
    {
        ["Post"] = TypeInfo(typeof(XPost)),
        ["User"] = TypeInfo(typeof(XUser)),
        ["Media"] = TypeInfo(typeof(XMedia)),
        ["Place"] = TypeInfo(typeof(XPlace)),
        ["Poll"] = TypeInfo(typeof(XPoll)),
        ["Topic"] = TypeInfo(typeof(XTopic)),
        ["Expansions"] = TypeInfo(typeof(XIncludes)),
        ["Problem"] = TypeInfo(typeof(XProblem)),
        ["ActivitySubscriptionFilter"] = TypeInfo(typeof(ActivityFilter)),
        // The XAA envelope: every event type shares it (ActivityEvent<TPayload>); post.create stands for all.
        ["ActivityStreamResponse.data"] = XActivityJsonContext.Default.PostCreated,
        ["LikeWithPostAuthor"] = TypeInfo(typeof(LikePayload)),
        ["News"] = TypeInfo(typeof(NewsPayload)),
        ["NewsActivityResponsePayload"] = TypeInfo(typeof(NewsPayload)),
        ["ProfileUpdateActivityResponsePayload"] = TypeInfo(typeof(ProfileUpdatePayload)),
        ["FollowActivityResponsePayload"] = TypeInfo(typeof(UserPairPayload)),
        ["PostDeleteActivityResponsePayload"] = TypeInfo(typeof(PostDeletePayload)),
        ["StreamPostsResponse"] = XStreamJsonContext.Default.StreamPost,
        ["ChatMessageEvent"] = TypeInfo(typeof(ChatPayload)),
    };

    [Fact]
    public void The_field_list_names_the_SDK_and_version_it_was_extracted_from()
    {
        var header = SchemaFieldList.Header(SchemaFieldList.FieldsFile);

        Assert.Contains("@xdevplatform/xdk 0.6.6", header, StringComparison.Ordinal);
        Assert.Contains("eng/schema/extract-xdk-fields.mjs", header, StringComparison.Ordinal);
        Assert.True(SchemaFieldList.Fields().Count > 300, "The field list looks truncated.");
    }

    [Fact]
    public void Every_schema_field_is_modelled_with_a_fitting_type_or_listed_as_not_on_a_model()
    {
        var notOnModels = SchemaFieldList.NotOnModels();
        var gaps = new List<string>();
        foreach (var (path, kind) in SchemaFieldList.Fields())
        {
            if (notOnModels.Keys.Any(entry => path == entry || path.StartsWith(entry + ".", StringComparison.Ordinal)))
            {
                continue;
            }

            if (Check(path, kind) is { } gap)
            {
                gaps.Add($"{path} ({kind}): {gap}");
            }
        }

        Assert.True(gaps.Count == 0, $"{gaps.Count} schema field(s) of {SchemaFieldList.FieldsFile} are not modelled; add them to the models or to {SchemaFieldList.NotOnModelsFile} with a reason:\n" + string.Join('\n', gaps));
    }

    [Fact]
    public void Every_field_listed_as_not_on_a_model_is_in_the_field_list_and_has_a_reason()
    {
        var fields = SchemaFieldList.Fields().Select(static field => field.Path).ToHashSet(StringComparer.Ordinal);

        foreach (var (path, reason) in SchemaFieldList.NotOnModels())
        {
            Assert.True(fields.Contains(path), $"{path} is listed as not on a model but is not in the field list (stale entry).");
            Assert.True(reason.Length >= 20, $"{path} needs a reason.");
        }
    }

    [Fact]
    public void A_field_the_models_lack_is_reported()
    {
        // The checker itself: a made-up field must be found missing, a known one present, a mistyped one reported.
        Assert.NotNull(Check("Post.no_such_field", "string"));
        Assert.Null(Check("Post.entities.urls.images.width", "number"));
        Assert.NotNull(Check("Post.text", "number"));
        Assert.NotNull(Check("Expansions.tweets", "array<ref:User>"));
    }

    /// <summary>Null when <paramref name="path"/> resolves to a model property whose type fits <paramref name="kind"/>; else why not.</summary>
    private static string? Check(string path, string kind)
    {
        var (prefix, model) = Models
            .Where(entry => path.StartsWith(entry.Key + ".", StringComparison.Ordinal))
            .OrderByDescending(static entry => entry.Key.Length)
            .Select(static entry => (entry.Key, entry.Value))
            .FirstOrDefault();
        if (model is null)
        {
            return Models.ContainsKey(path) ? null : "no model is mapped for this schema object";
        }

        var current = model;
        var walked = model.Type.Name;
        foreach (var segment in path[(prefix.Length + 1)..].Split('.'))
        {
            current = Item(current);
            if (IsRawJson(current))
            {
                return null; // Kept whole as raw JSON: every field below is there.
            }

            var property = current.Kind == JsonTypeInfoKind.Object
                ? current.Properties.FirstOrDefault(p => p.Name == segment)
                : null;
            if (property is null)
            {
                return $"{walked} has no JSON property '{segment}'";
            }

            walked += "." + property.Name;
            current = current.Options.GetTypeInfo(property.PropertyType);
        }

        return Fits(current, kind) ? null : $"{walked} is {current.Type.Name}, which does not fit '{kind}'";
    }

    private static bool Fits(JsonTypeInfo type, string kind)
    {
        var underlying = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        if (IsRawJson(type) || kind is "any" or "enum-only" || kind.Contains('|', StringComparison.Ordinal))
        {
            return true;
        }

        if (kind.StartsWith("array", StringComparison.Ordinal))
        {
            return type.Kind == JsonTypeInfoKind.Enumerable
                && (kind == "array" ? Item(type).Kind == JsonTypeInfoKind.Object || IsRawJson(Item(type)) : Fits(Item(type), kind[6..^1]));
        }

        if (kind.StartsWith("ref:", StringComparison.Ordinal))
        {
            return !Models.TryGetValue(kind[4..], out var referenced) || referenced.Type == type.Type;
        }

        return kind switch
        {
            "string" => underlying == typeof(string) || underlying == typeof(DateTimeOffset),
            "number" => underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(double) || underlying == typeof(decimal),
            "boolean" => underlying == typeof(bool),
            "object" => type.Kind == JsonTypeInfoKind.Object,
            _ => throw new InvalidDataException($"Unknown field kind '{kind}' in {SchemaFieldList.FieldsFile}."),
        };
    }

    /// <summary>The item type of a list; the type itself otherwise (paths go through list items).</summary>
    private static JsonTypeInfo Item(JsonTypeInfo type) =>
        type.Kind == JsonTypeInfoKind.Enumerable && type.ElementType is { } element
            ? type.Options.GetTypeInfo(element)
            : type;

    private static bool IsRawJson(JsonTypeInfo type) => (Nullable.GetUnderlyingType(type.Type) ?? type.Type) == typeof(JsonElement);

    private static JsonTypeInfo TypeInfo(Type type) => ActivityOptions.GetTypeInfo(type);
}
