using System.Text.Json;
using XWebhooks.Events;
using XWebhooks.Serialization;

namespace XWebhooks.Delivery;

/// <summary>
/// Reads the top-level <c>errors</c> array of a delivery body (X's partial errors, sent beside <c>data</c> when an
/// expansion cannot be filled in). Leniently: an item that is not a readable problem object is skipped, never thrown.
/// </summary>
internal static class DeliveryErrors
{
    public static IReadOnlyList<XProblem> Read(ReadOnlyMemory<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = 128 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return [];
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isErrors = reader.ValueTextEquals("errors"u8);
                reader.Read();
                if (isErrors && reader.TokenType == JsonTokenType.StartArray)
                {
                    return ReadItems(body, ref reader);
                }

                reader.Skip();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The body was validated when it was located; a body that fails here has no readable errors.
        }

        return [];
    }

    private static List<XProblem> ReadItems(ReadOnlyMemory<byte> body, ref Utf8JsonReader reader)
    {
        var problems = new List<XProblem>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            var isObject = reader.TokenType == JsonTokenType.StartObject;
            reader.Skip();
            if (!isObject)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(body.Span[start..(int)reader.BytesConsumed], XActivityJsonContext.Default.XProblem) is { } problem)
                {
                    problems.Add(problem);
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // One drifted problem item (or one with invalid UTF-8 in a string) does not hide the others.
            }
        }

        return problems;
    }
}
