namespace XWebhooks.Shared;

/// <summary>
/// Names and limits the generator and the analyzers both depend on, kept in one place (src/Shared is compiled
/// into each Roslyn component) so the two can never disagree.
/// </summary>
internal static class XWebhooksNames
{
    /// <summary>Metadata name of <c>[XWebhookHandler]</c>, the attribute both the generator and the analyzers key on.</summary>
    public const string HandlerAttribute = "XWebhooks.XWebhookHandlerAttribute";

    /// <summary>Where each diagnostic's page lives: <c>docs/rules/{ID}.md</c> in the repository.</summary>
    public const string HelpLinkBase = "https://github.com/xwebhooks/xwebhooks/blob/main/docs/rules/";

    /// <summary>
    /// How long X waits for the 200 before it counts a delivery as failed. The runtime enforces the same limit as
    /// <c>XWebhooksOptions.MaxResponseBudget</c> (a test keeps the two equal).
    /// </summary>
    public const int XResponseLimitSeconds = 10;

    /// <summary>The help link of one diagnostic ID.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";
}
