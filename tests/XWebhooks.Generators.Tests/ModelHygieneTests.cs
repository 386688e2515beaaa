using System.Reflection;
using Microsoft.CodeAnalysis;
using XWebhooks.Generators.Model;

namespace XWebhooks.Generators.Tests;

/// <summary>Pipeline models hold values only: no symbols, syntax, locations or compilations, and value equality throughout.</summary>
public sealed class ModelHygieneTests
{
    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxToken), typeof(SyntaxTree), typeof(Location),
        typeof(Compilation), typeof(SemanticModel), typeof(AttributeData), typeof(DiagnosticDescriptor), typeof(Diagnostic),
    ];

    public static TheoryData<Type> ModelTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in ModelTypeList())
        {
            data.Add(type);
        }

        return data;
    }

    private static List<Type> ModelTypeList() =>
        typeof(XWebhooksGenerator).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(HandlerModel).Namespace && !(type.IsAbstract && type.IsSealed) && !type.IsNested)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Model_namespace_holds_the_pipeline_models()
    {
        var names = ModelTypeList().Select(type => type.Name).ToList();

        Assert.Contains(nameof(HandlerParseResult), names);
        Assert.Contains(nameof(GenerationModel), names);
        Assert.True(names.Count >= 15, string.Join(", ", names));
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Model_type_holds_no_roslyn_object_graph(Type type)
    {
        var seen = new HashSet<Type>();
        Walk(type, type.Name, seen);
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Model_type_has_value_equality(Type type)
    {
        if (type.IsEnum)
        {
            return;
        }

        var closed = type.IsGenericTypeDefinition ? type.MakeGenericType(typeof(string)) : type;
        Assert.True(
            typeof(IEquatable<>).MakeGenericType(closed).IsAssignableFrom(closed),
            closed.Name + " must implement IEquatable<" + closed.Name + ">");
    }

    [Fact]
    public void EquatableArray_compares_elements()
    {
        var left = new EquatableArray<string>(["a", "b"]);
        var right = new EquatableArray<string>(["a", "b"]);

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, new EquatableArray<string>(["b", "a"]));
        Assert.Equal(EquatableArray<string>.Empty, new EquatableArray<string>([]));
    }

    private static void Walk(Type type, string path, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        foreach (var forbidden in Forbidden)
        {
            Assert.False(forbidden.IsAssignableFrom(type), path + " is or derives from " + forbidden.Name);
        }

        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type.IsGenericParameter)
        {
            return;
        }

        if (type.IsArray || type.IsPointer || type.IsByRef)
        {
            Walk(type.GetElementType()!, path + "[]", seen);
            return;
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            Walk(argument, path + "<" + argument.Name + ">", seen);
        }

        if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && type != typeof(object))
        {
            return; // BCL containers (Nullable<T>, IEqualityComparer) are walked through their generic arguments only.
        }

        const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var field in type.GetFields(Members))
        {
            Walk(field.FieldType, path + "." + field.Name, seen);
        }

        foreach (var property in type.GetProperties(Members))
        {
            Walk(property.PropertyType, path + "." + property.Name, seen);
        }
    }
}
