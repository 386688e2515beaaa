using Microsoft.Extensions.Logging;

namespace XWebhooks.Recovery;

/// <summary>Source-generated log messages of the delivery watermark and gap recovery.</summary>
internal static partial class RecoveryLog
{
    [LoggerMessage(701, LogLevel.Error, "Could not read the delivery watermark; gap recovery cannot run in this start")]
    public static partial void WatermarkReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(702, LogLevel.Warning, "Could not write the delivery watermark; retrying at the next flush")]
    public static partial void WatermarkWriteFailed(ILogger logger, Exception exception);
}
