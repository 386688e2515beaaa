namespace XWebhooks.Events.AccountActivity;

/// <summary>The <c>message_create</c> of a <see cref="DirectMessageEvent"/>: who sent what to whom.</summary>
public sealed class AccountActivityMessageCreate
{
    /// <summary>The recipient (<c>target</c>).</summary>
    public AccountActivityDirectMessageTarget? Target { get; set; }

    /// <summary>The sender's user id (<c>sender_id</c>).</summary>
    public string? SenderId { get; set; }

    /// <summary>The id of the app that sent it (<c>source_app_id</c>); a key of the delivery's <c>apps</c> map.</summary>
    public string? SourceAppId { get; set; }

    /// <summary>The content (<c>message_data</c>).</summary>
    public AccountActivityMessageData? MessageData { get; set; }
}
