using System.Text.Json;

namespace XWebhooks.Events.Activity;

/// <summary>The <c>message_data</c> of a DM: text, entities and any attachment (v1.1 style).</summary>
public sealed class DmMessageData
{
    /// <summary>The message text.</summary>
    public string? Text { get; init; }

    /// <summary>Hashtags, symbols, mentions and URLs in the text.</summary>
    public DmEntities? Entities { get; init; }

    /// <summary>
    /// The attachment (<c>attachment</c>, e.g. media), kept as raw JSON as Account Activity does: its shape is not in
    /// X's examples.
    /// </summary>
    public JsonElement? Attachment { get; init; }
}
