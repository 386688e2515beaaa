namespace XWebhooks.Diagnostics;

/// <summary>The names to subscribe to for XWebhooks metrics and traces (for example with OpenTelemetry).</summary>
public static class XWebhooksTelemetry
{
    /// <summary>The meter of every XWebhooks package: <c>AddMeter("XWebhooks")</c>.</summary>
    public const string MeterName = "XWebhooks";

    /// <summary>The activity source of every XWebhooks package: <c>AddSource("XWebhooks")</c>.</summary>
    public const string ActivitySourceName = "XWebhooks";
}
