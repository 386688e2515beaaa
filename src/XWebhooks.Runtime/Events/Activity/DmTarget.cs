namespace XWebhooks.Events.Activity;

/// <summary>The <c>target</c> of a DM event: the recipient.</summary>
public sealed class DmTarget
{
    /// <summary>The recipient's user ID.</summary>
    public string? RecipientId { get; init; }
}
