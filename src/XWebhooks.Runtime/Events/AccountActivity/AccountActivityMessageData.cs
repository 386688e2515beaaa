using System.Text.Json;

namespace XWebhooks.Events.AccountActivity;

/// <summary>The <c>message_data</c> of a Direct Message: text, entities and any attachment.</summary>
public sealed class AccountActivityMessageData
{
    /// <summary>The message text (<c>text</c>).</summary>
    public string? Text { get; set; }

    /// <summary>Entities in the text (<c>entities</c>).</summary>
    public V1Entities? Entities { get; set; }

    /// <summary>The attachment (<c>attachment</c>, e.g. media), kept as raw JSON: its shape is not in the AAA examples.</summary>
    public JsonElement? Attachment { get; set; }
}
