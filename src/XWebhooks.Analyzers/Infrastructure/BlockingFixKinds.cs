namespace XWebhooks.Analyzers;

/// <summary>Values of the <c>FixKind</c> diagnostic property read by the XWH100 code fix.</summary>
internal static class BlockingFixKinds
{
    public const string PropertyName = "FixKind";
    public const string TokenPropertyName = "Token";

    /// <summary><c>t.Result</c> becomes <c>await t</c>.</summary>
    public const string AwaitResult = "AwaitResult";

    /// <summary><c>t.Wait()</c> becomes <c>await t</c>.</summary>
    public const string AwaitWait = "AwaitWait";

    /// <summary><c>x.GetAwaiter().GetResult()</c> becomes <c>await x</c>.</summary>
    public const string AwaitGetResult = "AwaitGetResult";

    /// <summary><c>Thread.Sleep(d)</c> becomes <c>await Task.Delay(d, token)</c>.</summary>
    public const string Delay = "Delay";
}
