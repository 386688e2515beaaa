using System.Text;
using System.Text.Json;
using XWebhooks.Serialization;

namespace XWebhooks.Tests.Drift;

/// <summary>Cutting one value out of a document by a serializer path, with the separating comma and nothing else.</summary>
public sealed class JsonValueRemoverTests
{
    private static string Remove(string json, string path)
    {
        Assert.True(JsonValueRemover.TryRemove(Encoding.UTF8.GetBytes(json), new JsonException("drift", path, null, null), out var result, out _));
        return Encoding.UTF8.GetString(result);
    }

    [Theory]
    [InlineData("""{"a":1,"b":2,"c":3}""", "$.a", """{"b":2,"c":3}""")]
    [InlineData("""{"a":1,"b":2,"c":3}""", "$.b", """{"a":1,"c":3}""")]
    [InlineData("""{"a":1,"b":2,"c":3}""", "$.c", """{"a":1,"b":2}""")]
    [InlineData("""{ "a" : [1, {"x":"y"}] }""", "$.a", """{  }""")]
    [InlineData("""{"a":[1,{"x":"y"},3]}""", "$.a[1]", """{"a":[1,3]}""")]
    [InlineData("""{"a":[1,{"x":"y","z":2}]}""", "$.a[1].x", """{"a":[1,{"z":2}]}""")]
    [InlineData("{\n  \"a\": 1,\n  \"b\": {\"c\": 2}\n}", "$.b.c", "{\n  \"a\": 1,\n  \"b\": {}\n}")]
    [InlineData("""{"a b":1,"c":2}""", "$['a b']", """{"c":2}""")]
    public void Removes_the_value_and_one_separating_comma(string json, string path, string expected) =>
        Assert.Equal(expected, Remove(json, path));

    [Theory]
    [InlineData("""{"a":"text","b":1}""", "$.a.deeper", """{"b":1}""")]
    [InlineData("""{"a":{"x":1},"b":1}""", "$.a.missing", """{"b":1}""")]
    public void When_the_path_goes_deeper_than_the_document_the_deepest_value_on_it_goes(string json, string path, string expected) =>
        Assert.Equal(expected, Remove(json, path));

    [Fact]
    public void A_path_relative_to_an_inner_object_is_found_below_the_root_by_its_position()
    {
        // "$.name" fits both users; line 0, byte 18 is just after the "{" of the second user's name, counted from that user's "{".
        var failure = new JsonException("drift", "$.name", 0, 18);

        Assert.True(JsonValueRemover.TryRemove("""{"users":[{"name":"a"},{"id":"2","name":{}}]}"""u8, failure, out var result, out var removed));

        Assert.Equal("""{"users":[{"name":"a"},{"id":"2"}]}""", Encoding.UTF8.GetString(result));
        Assert.Equal("$.users[*].name", JsonExceptionPath.Normalize(removed));
    }

    [Fact]
    public void A_member_whose_name_cannot_be_read_is_found_by_the_position_after_its_name()
    {
        // The serializer reports the object ("$.a") and the position just after the bad name and its colon: byte 23 of line 0.
        var json = """{"a":{"ok":1,"\udc00x":2,"b":3}}"""u8;
        var failure = new JsonException("drift", "$.a", 0, 23);

        Assert.True(JsonValueRemover.TryRemove(json, failure, out var result, out var removed));

        Assert.Equal("""{"a":{"ok":1,"b":3}}""", Encoding.UTF8.GetString(result));
        Assert.Equal("$.a.?", JsonExceptionPath.Normalize(removed));
    }

    [Fact]
    public void Other_bytes_are_kept_even_when_they_are_not_valid_utf8()
    {
        byte[] json = [.. "{\"a\":\""u8, 0xFF, .. "\",\"b\":{}}"u8];

        Assert.True(JsonValueRemover.TryRemove(json, new JsonException("drift", "$.b", null, null), out var result, out var removed));

        Assert.Equal([.. "{\"a\":\""u8, 0xFF, .. "\"}"u8], result);
        Assert.Equal("$.b", JsonExceptionPath.Normalize(removed));
    }

    [Theory]
    [InlineData("$")]
    [InlineData(null)]
    [InlineData("$.nowhere")]
    public void Nothing_below_the_root_fits(string? path) =>
        Assert.False(JsonValueRemover.TryRemove("""{"a":1}"""u8, new JsonException("drift", path, null, null), out _, out _));
}
