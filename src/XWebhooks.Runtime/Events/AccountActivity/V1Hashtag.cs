namespace XWebhooks.Events.AccountActivity;

/// <summary>A hashtag entity: <c>{"text","indices"}</c>.</summary>
public sealed class V1Hashtag
{
    /// <summary>The hashtag without <c>#</c> (<c>text</c>).</summary>
    public string? Text { get; set; }

    /// <summary>The <c>[start, end]</c> character range in the text (<c>indices</c>).</summary>
    public IReadOnlyList<int>? Indices { get; set; }
}
