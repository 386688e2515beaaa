using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace XWebhooks.Emulator;

/// <summary>JSON in and out without reflection: responses written with <see cref="Utf8JsonWriter"/>, requests read as documents.</summary>
internal static class JsonResponses
{
    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The request body as a JSON object, or null (and a 400 written) when it is not one.</summary>
    public static async Task<JsonDocument?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
        }

        await XApiProblems.InvalidRequestAsync(context, "InvalidRequest", "The body must be a JSON object.").ConfigureAwait(false);
        return null;
    }

    public static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static void WriteTimestamp(Utf8JsonWriter writer, string name, DateTimeOffset value) =>
        writer.WriteString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
