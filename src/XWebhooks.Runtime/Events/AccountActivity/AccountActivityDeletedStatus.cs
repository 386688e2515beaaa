namespace XWebhooks.Events.AccountActivity;

/// <summary>The <c>status</c> of a <see cref="TweetDeleteEvent"/>: which post was deleted and whose it was.</summary>
public sealed class AccountActivityDeletedStatus
{
    /// <summary>The deleted post's id (<c>id</c>, a string).</summary>
    public string? Id { get; set; }

    /// <summary>The author's user id (<c>user_id</c>).</summary>
    public string? UserId { get; set; }
}
