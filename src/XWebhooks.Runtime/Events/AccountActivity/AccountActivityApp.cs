namespace XWebhooks.Events.AccountActivity;

/// <summary>An app in a Direct Message delivery's <c>apps</c> map (keyed by app id): the app a message was sent with.</summary>
public sealed class AccountActivityApp
{
    /// <summary>The app id (<c>id</c>).</summary>
    public string? Id { get; set; }

    /// <summary>The app name (<c>name</c>).</summary>
    public string? Name { get; set; }

    /// <summary>The app's URL (<c>url</c>).</summary>
    public string? Url { get; set; }
}
