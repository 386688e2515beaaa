using System.Text;
using Microsoft.AspNetCore.Http;

namespace XWebhooks.Emulator;

/// <summary>
/// Errors in the shape of X API v2 errors: <c>{"errors":[{"message","code"}],"title","detail","type","status"}</c>,
/// with the documented reason name (<c>CrcValidationFailed</c>, …) as the title and at the start of the detail.
/// X does not document where the reason appears; clients should match it anywhere in the error.
/// </summary>
internal static class XApiProblems
{
    public static Task WriteAsync(HttpContext context, int status, string reason, string detail) =>
        JsonResponses.WriteAsync(context, status, writer =>
        {
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("message", reason + ": " + detail);
            writer.WriteNumber("code", status);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("title", reason);
            writer.WriteString("detail", reason + ": " + detail);
            writer.WriteString("type", "https://api.x.com/2/problems/" + Kebab(reason));
            writer.WriteNumber("status", status);
        });

    private static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 8);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
