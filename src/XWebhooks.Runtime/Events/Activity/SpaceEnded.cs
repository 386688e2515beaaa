using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>spaces.end</c>: the filtered user ended a Space (inner <c>event_type</c> <c>spaces_end</c>).
/// </summary>
[XEventType(XProduct.Activity, "spaces.end")]
public sealed class SpaceEnded : ActivityEvent<SpacePayload>, IXEvent<SpaceEnded>
{
    /// <summary>Source-generated JSON metadata for <see cref="SpaceEnded"/>.</summary>
    public static JsonTypeInfo<SpaceEnded> JsonTypeInfo => XActivityJsonContext.Default.SpaceEnded;
}
