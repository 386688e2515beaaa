namespace XWebhooks.Events.AccountActivity;

/// <summary>A cashtag entity: <c>{"text","indices"}</c>.</summary>
public sealed class V1Symbol
{
    /// <summary>The symbol without <c>$</c> (<c>text</c>).</summary>
    public string? Text { get; set; }

    /// <summary>The <c>[start, end]</c> character range in the text (<c>indices</c>).</summary>
    public IReadOnlyList<int>? Indices { get; set; }
}
