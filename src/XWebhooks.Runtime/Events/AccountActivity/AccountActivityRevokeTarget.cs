namespace XWebhooks.Events.AccountActivity;

/// <summary>The <c>target</c> of a revoke: the app that lost access.</summary>
public sealed class AccountActivityRevokeTarget
{
    /// <summary>The app id (<c>app_id</c>).</summary>
    public string? AppId { get; set; }
}
