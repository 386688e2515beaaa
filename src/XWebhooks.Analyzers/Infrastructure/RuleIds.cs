namespace XWebhooks.Analyzers;

/// <summary>
/// Diagnostic IDs, fixed forever once shipped (see AnalyzerReleases.*.md). Bands: XWH0xx usage errors
/// (XWH001–XWH009 belong to the source generator), XWH1xx reliability and security, XWH2xx guidance.
/// </summary>
public static class RuleIds
{
    /// <summary>ResponseBudget set past X's 10-second limit.</summary>
    public const string ResponseBudgetTooLong = "XWH010";

    /// <summary>A blocking call inside a handler.</summary>
    public const string BlockingCall = "XWH100";

    /// <summary>A handler calls a method of the same compilation that blocks (up to three calls deep).</summary>
    public const string IndirectBlockingCall = "XWH101";

    /// <summary>A constant delay or timeout at or past the response budget inside a handler.</summary>
    public const string DelayPastBudget = "XWH102";

    /// <summary>The handler's CancellationToken is not passed to a callee that accepts one.</summary>
    public const string ForwardCancellationToken = "XWH103";

    /// <summary>An async handler awaits cancellable work but takes no CancellationToken.</summary>
    public const string HandlerWithoutCancellationToken = "XWH104";

    /// <summary>A signature or HMAC compared with a non-constant-time comparison.</summary>
    public const string NonConstantTimeComparison = "XWH110";

    /// <summary>A consumer secret written as a string literal.</summary>
    public const string SecretLiteral = "XWH111";

    /// <summary>A hand-rolled CRC that signs a crc_token without validating it.</summary>
    public const string UnvalidatedCrcToken = "XWH112";

    /// <summary>A hand-written endpoint handles X webhook payloads without verifying the signature.</summary>
    public const string UnverifiedEndpoint = "XWH113";
}
