using System.Globalization;
using Microsoft.CodeAnalysis;
using XWebhooks.Shared;

namespace XWebhooks.Analyzers;

/// <summary>Every diagnostic the XWebhooks analyzers report, one descriptor per ID.</summary>
public static class Descriptors
{
    private const string Usage = "Usage";
    private const string Reliability = "Reliability";
    private const string Security = "Security";

    // X's hard limit as text for the messages. Declared before the descriptors: static initializers run in text order.
    private static readonly string Limit = XWebhooksNames.XResponseLimitSeconds.ToString(CultureInfo.InvariantCulture);

    private static string HelpLink(string id) => XWebhooksNames.HelpLink(id);

    /// <summary>XWH010.</summary>
    public static readonly DiagnosticDescriptor ResponseBudgetTooLong = new(
        RuleIds.ResponseBudgetTooLong,
        title: "ResponseBudget is longer than X waits",
        messageFormat: "ResponseBudget is set to {0} s, but X stops waiting after " + Limit + " s and redelivers; the app refuses to start with a budget above " + Limit + " s. Use at most " + Limit + " seconds, ideally far less.",
        category: Usage,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "X treats a delivery as failed when no 200 arrives within " + Limit + " seconds; XWebhooksOptions.ResponseBudget must be more than 0 and at most " + Limit + " seconds.",
        helpLinkUri: HelpLink(RuleIds.ResponseBudgetTooLong));

    /// <summary>XWH100.</summary>
    public static readonly DiagnosticDescriptor BlockingCall = new(
        RuleIds.BlockingCall,
        title: "Do not block inside an X webhook handler",
        messageFormat: "'{0}' blocks a thread inside X webhook handler '{1}'. {3} X stops waiting after {2} s and redelivers, and blocked threads starve other deliveries.",
        category: Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Handlers run while X waits for the 200 response (at most " + Limit + " seconds). Synchronous waits hold a thread-pool thread for the whole wait, can deadlock, and cannot be cancelled when the budget runs out.",
        helpLinkUri: HelpLink(RuleIds.BlockingCall));

    /// <summary>XWH101.</summary>
    public static readonly DiagnosticDescriptor IndirectBlockingCall = new(
        RuleIds.IndirectBlockingCall,
        title: "Do not call blocking code from an X webhook handler",
        messageFormat: "X webhook handler '{0}' blocks a thread through {1}. X stops waiting after {2} s and redelivers, and blocked threads starve other deliveries. Make the chain async and await it.",
        category: Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A method the handler calls (up to three calls deep, within this project) blocks synchronously, so the handler blocks too.",
        helpLinkUri: HelpLink(RuleIds.IndirectBlockingCall),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>XWH102.</summary>
    public static readonly DiagnosticDescriptor DelayPastBudget = new(
        RuleIds.DelayPastBudget,
        title: "Delay or timeout at or past the response budget",
        messageFormat: "{0} of {1} s inside X webhook handler '{2}' is at or past the {3}-second response budget. X gives up on the delivery and redelivers it before this ends. Use a much shorter value, or move the slow work to the durable inbox.",
        category: Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A handler that waits as long as X's response budget (xwebhooks_budget_seconds in .editorconfig, default " + Limit + ") can never acknowledge in time.",
        helpLinkUri: HelpLink(RuleIds.DelayPastBudget));

    /// <summary>XWH103.</summary>
    public static readonly DiagnosticDescriptor ForwardCancellationToken = new(
        RuleIds.ForwardCancellationToken,
        title: "Pass the handler's CancellationToken on",
        messageFormat: "Pass '{0}' to '{1}'. The token is cancelled when the response budget ({2} s) runs out; without it this call keeps running after X has given up on the delivery.",
        category: Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The CancellationToken a handler receives is bound to the response budget. Calls that accept a token should get it so work stops when X stops waiting.",
        helpLinkUri: HelpLink(RuleIds.ForwardCancellationToken));

    /// <summary>XWH104.</summary>
    public static readonly DiagnosticDescriptor HandlerWithoutCancellationToken = new(
        RuleIds.HandlerWithoutCancellationToken,
        title: "Async X webhook handler takes no CancellationToken",
        messageFormat: "X webhook handler '{0}' awaits cancellable work but takes no CancellationToken. Add one: it is cancelled when the {1}-second response budget runs out, so the work stops when X stops waiting.",
        category: Reliability,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Handlers may declare a CancellationToken parameter; the dispatcher passes a token bound to the response budget.",
        helpLinkUri: HelpLink(RuleIds.HandlerWithoutCancellationToken));

    /// <summary>XWH110.</summary>
    public static readonly DiagnosticDescriptor NonConstantTimeComparison = new(
        RuleIds.NonConstantTimeComparison,
        title: "Compare signatures in constant time",
        messageFormat: "'{0}' compares a signature or HMAC in variable time. An attacker can forge a valid signature byte by byte by timing the responses. Use CryptographicOperations.FixedTimeEquals.",
        category: Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "==, string.Equals and SequenceEqual stop at the first differing byte, leaking how much of a guessed signature is right.",
        helpLinkUri: HelpLink(RuleIds.NonConstantTimeComparison));

    /// <summary>XWH111.</summary>
    public static readonly DiagnosticDescriptor SecretLiteral = new(
        RuleIds.SecretLiteral,
        title: "Do not write the consumer secret as a string literal",
        messageFormat: "An X app secret (consumer secret or OAuth 2.0 client secret) is a string literal in '{0}'. Anyone with the source or the binary can sign forged deliveries and answer CRCs as you. Read it from configuration (XWebhooks:ConsumerSecret, XWebhooks:OAuth2ClientSecret) or a secret store.",
        category: Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The consumer secret (and the OAuth 2.0 client secret, when deliveries carry x-twitter-webhooks-signature-oauth2) is the only thing that proves a delivery came from X.",
        helpLinkUri: HelpLink(RuleIds.SecretLiteral));

    /// <summary>XWH112.</summary>
    public static readonly DiagnosticDescriptor UnvalidatedCrcToken = new(
        RuleIds.UnvalidatedCrcToken,
        title: "Validate crc_token before signing it",
        messageFormat: "'{0}' signs the crc_token '{1}' without validating it. CRC answers use the same key and format as delivery signatures, so this endpoint signs anything, including a forged delivery body. Check XCrc.IsValidToken first, or use XCrc.ComputeResponseToken.",
        category: Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A CRC endpoint that HMACs arbitrary input is a signing oracle.",
        helpLinkUri: HelpLink(RuleIds.UnvalidatedCrcToken));

    /// <summary>XWH113.</summary>
    public static readonly DiagnosticDescriptor UnverifiedEndpoint = new(
        RuleIds.UnverifiedEndpoint,
        title: "Verify the X signature in hand-written webhook endpoints",
        messageFormat: "Endpoint '{0}' handles X webhook deliveries without verifying the signature header (x-twitter-webhooks-signature, or x-twitter-webhooks-signature-oauth2). Anyone who finds the URL can post forged events. Use MapXWebhooks, or verify with XSignatureVerifier before reading the body.",
        category: Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Only the signature proves that a POST came from X; it must be checked over the raw body before anything is parsed or dispatched.",
        helpLinkUri: HelpLink(RuleIds.UnverifiedEndpoint));
}
