using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>spaces.start</c>: the filtered user started a Space (inner <c>event_type</c> <c>spaces_start</c>).
/// </summary>
[XEventType(XProduct.Activity, "spaces.start")]
public sealed class SpaceStarted : ActivityEvent<SpacePayload>, IXEvent<SpaceStarted>
{
    /// <summary>Source-generated JSON metadata for <see cref="SpaceStarted"/>.</summary>
    public static JsonTypeInfo<SpaceStarted> JsonTypeInfo => XActivityJsonContext.Default.SpaceStarted;
}
