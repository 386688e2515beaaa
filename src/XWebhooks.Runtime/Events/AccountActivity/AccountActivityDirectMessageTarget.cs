namespace XWebhooks.Events.AccountActivity;

/// <summary>The <c>target</c> of a Direct Message, typing indicator or read receipt: <c>{"recipient_id"}</c>.</summary>
public sealed class AccountActivityDirectMessageTarget
{
    /// <summary>The recipient's user id (<c>recipient_id</c>).</summary>
    public string? RecipientId { get; set; }
}
