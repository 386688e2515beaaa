using Microsoft.Extensions.Logging;

namespace XWebhooks.Management;

/// <summary>Source-generated log messages of the management client and registration. Never tokens or bodies.</summary>
internal static partial class ManagementLog
{
    [LoggerMessage(201, LogLevel.Warning, "X rate-limited {Method} {Path}; waiting {Delay} for the window to reset, then retrying once")]
    public static partial void WaitingForRateLimit(ILogger logger, string method, string path, TimeSpan delay);
}
