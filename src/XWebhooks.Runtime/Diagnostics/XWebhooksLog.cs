using Microsoft.Extensions.Logging;
using XWebhooks.Security;

namespace XWebhooks.Diagnostics;

/// <summary>Source-generated log messages. They never include secrets, signatures or bodies.</summary>
internal static partial class XWebhooksLog
{
    [LoggerMessage(1, LogLevel.Debug, "Answered CRC challenge")]
    public static partial void CrcAnswered(ILogger logger);

    [LoggerMessage(2, LogLevel.Warning, "Refused CRC challenge: {Reason}")]
    public static partial void CrcRefused(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Refused delivery: signature {Check}")]
    public static partial void SignatureRefused(ILogger logger, XSignatureCheck check);

    [LoggerMessage(4, LogLevel.Information, "Delivery verified with the secondary consumer secret; finish the rotation by making it the primary")]
    public static partial void SecondarySecretUsed(ILogger logger);

    [LoggerMessage(5, LogLevel.Warning, "Refused delivery: body larger than {MaxBodyBytes} bytes")]
    public static partial void BodyTooLarge(ILogger logger, long maxBodyBytes);

    [LoggerMessage(6, LogLevel.Warning, "Refused verified delivery: {Reason}")]
    public static partial void MalformedBody(ILogger logger, string reason);

    [LoggerMessage(7, LogLevel.Debug, "No handler takes {Product} events of type '{EventType}'; acknowledging and counting them (logged once per type)")]
    public static partial void UnhandledEventType(ILogger logger, XProduct product, string eventType);

    [LoggerMessage(8, LogLevel.Error, "A handler failed for {Product} event '{EventType}'; answering 500 so X redelivers")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, XProduct product, string eventType);

    [LoggerMessage(9, LogLevel.Error, "Handlers overran the {Budget} response budget; answering 503 so X redelivers")]
    public static partial void BudgetExceeded(ILogger logger, TimeSpan budget);

    [LoggerMessage(10, LogLevel.Warning, "X sent {Product} event '{EventType}' with a value of an unexpected type at {Path}; reading it with that value left empty so its handlers still get it (logged once per type and path)")]
    public static partial void EventDrifted(ILogger logger, XProduct product, string eventType, string path);

    [LoggerMessage(30, LogLevel.Critical, "{Message}")]
    public static partial void HandlersNotWired(ILogger logger, string message);
}
