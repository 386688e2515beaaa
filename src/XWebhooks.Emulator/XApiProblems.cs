using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace XWebhooks.Emulator;

/// <summary>
/// Error answers in the shapes X uses: RFC 7807 problems of X's problem types (the SDK's <c>Problem</c> union and X's
/// OpenAPI discriminator), with X's titles, and the documented reason names (<c>CrcValidationFailed</c>, …) in
/// <c>errors[].message</c> as <c>"&lt;Reason&gt;: &lt;Details&gt;"</c>, as docs.x.com/x-api/webhooks/quickstart shows:
/// <c>{"errors":[{"message":"&lt;Reason&gt;: &lt;Details&gt;"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.x.com/2/problems/invalid-request"}</c>.
/// Type URIs use api.x.com, as X's current spec names them (X's older answers say api.twitter.com).
/// </summary>
internal static class XApiProblems
{
    private const string Types = "https://api.x.com/2/problems/";

    /// <summary>A documented failure reason: 400 (or <paramref name="status"/>) <c>invalid-request</c>, the reason in <c>errors[].message</c>.</summary>
    public static Task InvalidRequestAsync(HttpContext context, string reason, string detail, int status = StatusCodes.Status400BadRequest) =>
        JsonResponses.WriteAsync(context, status, writer =>
        {
            WriteReason(writer, reason, detail);
            writer.WriteString("title", "Invalid Request");
            writer.WriteString("detail", "One or more parameters to your request was invalid.");
            writer.WriteString("type", Types + "invalid-request");
        });

    /// <summary>An id that names nothing: 404 <c>resource-not-found</c>, the reason in <c>errors[].message</c>.</summary>
    public static Task NotFoundAsync(HttpContext context, string reason, string resourceType, string parameter, string value) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status404NotFound, writer =>
        {
            var detail = $"Could not find {resourceType} with {parameter}: [{value}].";
            WriteReason(writer, reason, detail);
            writer.WriteString("title", "Not Found Error");
            writer.WriteString("detail", detail);
            writer.WriteString("type", Types + "resource-not-found");
            writer.WriteString("resource_type", resourceType);
            writer.WriteString("parameter", parameter);
            writer.WriteString("value", value);
            writer.WriteString("resource_id", value);
        });

    /// <summary>The app-only token on a call that acts for a user: 403 <c>unsupported-authentication</c>, X's words.</summary>
    public static Task UnsupportedAuthenticationAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status403Forbidden, writer =>
        {
            writer.WriteString("title", "Unsupported Authentication");
            writer.WriteString("detail", "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].");
            writer.WriteString("type", Types + "unsupported-authentication");
            writer.WriteNumber("status", StatusCodes.Status403Forbidden);
        });

    /// <summary>A private event type asked for with a token that is not that user's: 403 <c>not-authorized-for-resource</c>.</summary>
    public static Task NotAuthorizedForUserAsync(HttpContext context, string eventType, string? userId) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status403Forbidden, writer =>
        {
            writer.WriteString("title", "Authorization Error");
            writer.WriteString("detail", $"{eventType} is a private event type: subscribe with a user-context token of user [{userId}].");
            writer.WriteString("type", Types + "not-authorized-for-resource");
            writer.WriteString("resource_type", "user");
            writer.WriteString("parameter", "filter.user_id");
            if (userId is not null)
            {
                writer.WriteString("resource_id", userId);
                writer.WriteString("value", userId);
            }

            writer.WriteNumber("status", StatusCodes.Status403Forbidden);
        });

    /// <summary>An RFC 7807 <c>about:blank</c> problem titled with the status phrase (X's 401 and 429).</summary>
    public static Task AboutBlankAsync(HttpContext context, int status, string title) =>
        JsonResponses.WriteAsync(context, status, writer =>
        {
            writer.WriteString("title", title);
            writer.WriteString("type", "about:blank");
            writer.WriteNumber("status", status);
            writer.WriteString("detail", title);
        });

    private static void WriteReason(Utf8JsonWriter writer, string reason, string detail)
    {
        writer.WriteStartArray("errors");
        writer.WriteStartObject();
        writer.WriteString("message", reason + ": " + detail);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
