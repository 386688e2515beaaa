using System.Globalization;
using System.Text.Json;

namespace XWebhooks.Emulator.Tests.Conformance;

/// <summary>
/// The answer schemas of X's webhook-management calls, as extracted from X's official TypeScript SDK into
/// tests/XWebhooks.Emulator.Tests/Conformance/xdk-0.6.6-management.json (eng/schema/extract-xdk-management.mjs), and a strict checker for
/// the JSON-Schema subset that file uses: an object may hold only the properties its schema names.
/// </summary>
internal sealed class XApiSchema
{
    public const string File = "Conformance/xdk-0.6.6-management.json";

    private readonly JsonElement operations;
    private readonly JsonElement schemas;

    private XApiSchema(JsonElement root)
    {
        operations = root.GetProperty("operations");
        schemas = root.GetProperty("schemas");
    }

    public static XApiSchema Load()
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, File)));
        return new XApiSchema(document.RootElement.Clone());
    }

    /// <summary>Every call in the snapshot, as "VERB /path/{param}".</summary>
    public IEnumerable<string> Operations => operations.EnumerateObject().Select(operation => operation.Name);

    /// <summary>The security schemes the SDK sends for the call (BearerToken = app-only; UserToken = OAuth 1.0a; OAuth2UserToken).</summary>
    public IReadOnlyList<string> Security(string operation) =>
        [.. operations.GetProperty(operation).GetProperty("security").EnumerateArray().Select(scheme => scheme.GetString()!)];

    /// <summary>What is wrong with an answer to the call: checked against its 200 schema when 2xx, its error schema otherwise.</summary>
    public IReadOnlyList<string> Check(string operation, int status, JsonElement body)
    {
        if (!operations.TryGetProperty(operation, out var call))
        {
            return [$"'{operation}' is not a call of X's spec"];
        }

        var schemaName = call.GetProperty(status is >= 200 and < 300 ? "response" : "errors").GetString()!;
        var problems = new List<string>();
        Validate(schemas.GetProperty(schemaName), body, "$", problems);
        return problems;
    }

    private void Validate(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Validate(schemas.GetProperty(reference.GetString()!), value, path, problems);
            return;
        }

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var attempts = new List<string>();
            foreach (var branch in anyOf.EnumerateArray())
            {
                var branchProblems = new List<string>();
                Validate(branch, value, path, branchProblems);
                if (branchProblems.Count == 0)
                {
                    return;
                }

                attempts.Add(string.Join("; ", branchProblems));
            }

            problems.Add($"{path} matches none of its {attempts.Count} schemas: [{string.Join("] [", attempts)}]");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed))
        {
            if (!allowed.EnumerateArray().Any(candidate => JsonElement.DeepEquals(candidate, value)))
            {
                problems.Add($"{path} is {value.GetRawText()}, not one of {allowed.GetRawText()}");
            }

            return;
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return; // {}: any value
        }

        var kind = type.GetString();
        var actual = value.ValueKind switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Null => "null",
            _ => "undefined",
        };
        if (actual != kind)
        {
            problems.Add($"{path} is a JSON {actual}, the spec says {kind}");
            return;
        }

        if (kind == "array")
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Validate(schema.GetProperty("items"), item, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", problems);
                index++;
            }
        }
        else if (kind == "object")
        {
            ValidateObject(schema, value, path, problems);
        }
    }

    private void ValidateObject(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        var open = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.True;
        schema.TryGetProperty("properties", out var properties);
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Validate(propertySchema, property.Value, $"{path}.{property.Name}", problems);
            }
            else if (!open)
            {
                problems.Add($"{path}.{property.Name} is not in the spec");
            }
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(item => item.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    problems.Add($"{path}.{name} is required by the spec but missing");
                }
            }
        }
    }
}
