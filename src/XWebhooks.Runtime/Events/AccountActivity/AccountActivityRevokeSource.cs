namespace XWebhooks.Events.AccountActivity;

/// <summary>The <c>source</c> of a revoke: the user who revoked access.</summary>
public sealed class AccountActivityRevokeSource
{
    /// <summary>The user id (<c>user_id</c>).</summary>
    public string? UserId { get; set; }
}
