using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Diagnostics;
using XWebhooks.Serialization;

namespace XWebhooks.Delivery;

/// <summary>
/// Reads the deferred members of one event away from the delivery they came from: with the serializer options of the
/// event's metadata, reporting drift for the event's product and kind (copied out of the delivery).
/// </summary>
internal sealed class DeferredReadContext(JsonSerializerOptions options, XProduct product, byte[] eventType, EventDriftReporter? reporter)
    : DeferredSectionReader
{
    public override T? Read<T>(ReadOnlySpan<byte> json, string path)
        where T : class
        => LenientEventReader.ReadTolerant(json, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)), product, eventType, reporter, path);
}
