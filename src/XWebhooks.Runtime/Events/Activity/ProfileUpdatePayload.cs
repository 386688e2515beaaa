using System.Text.Json.Serialization;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// The <c>payload</c> of every <c>profile.update.*</c> event: the profile field's value before and after the change
/// (bio text, image URL, display name, location, t.co URL, …). Non-string values (undocumented, possible for the
/// badge events) are kept as their JSON text.
/// </summary>
public sealed class ProfileUpdatePayload
{
    /// <summary>The value before the change.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Before { get; init; }

    /// <summary>The value after the change.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? After { get; init; }
}
