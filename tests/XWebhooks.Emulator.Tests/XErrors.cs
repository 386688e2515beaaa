using System.Text.Json;

namespace XWebhooks.Emulator.Tests;

/// <summary>
/// Reads an error answer as X documents it (docs.x.com/x-api/webhooks/quickstart): the reason and its details in
/// <c>errors[].message</c> as <c>"&lt;Reason&gt;: &lt;Details&gt;"</c>.
/// </summary>
internal static class XErrors
{
    /// <summary>The reason name before the first colon of the first <c>errors[].message</c>.</summary>
    public static string Reason(JsonElement answer) => Message(answer).Split(':')[0];

    /// <summary>The first <c>errors[].message</c>.</summary>
    public static string Message(JsonElement answer) => answer.GetProperty("errors")[0].GetProperty("message").GetString()!;
}
