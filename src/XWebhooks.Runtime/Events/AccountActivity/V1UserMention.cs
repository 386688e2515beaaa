namespace XWebhooks.Events.AccountActivity;

/// <summary>A user mention entity.</summary>
public sealed class V1UserMention
{
    /// <summary>The mentioned handle without <c>@</c> (<c>screen_name</c>).</summary>
    public string? ScreenName { get; set; }

    /// <summary>The mentioned user's display name (<c>name</c>).</summary>
    public string? Name { get; set; }

    /// <summary>The numeric user id (<c>id</c>); prefer <see cref="IdStr"/>.</summary>
    public long Id { get; set; }

    /// <summary>The user id as a string (<c>id_str</c>).</summary>
    public string? IdStr { get; set; }

    /// <summary>The <c>[start, end]</c> character range in the text (<c>indices</c>).</summary>
    public IReadOnlyList<int>? Indices { get; set; }
}
