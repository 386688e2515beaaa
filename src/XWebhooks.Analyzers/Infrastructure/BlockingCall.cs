namespace XWebhooks.Analyzers;

/// <summary>What a blocking operation is, and how the code fix can replace it.</summary>
internal readonly struct BlockingCall(string display, string advice, string? fixKind)
{
    /// <summary>Short name of the blocking member, e.g. <c>Task.Wait</c>.</summary>
    public string Display { get; } = display;

    /// <summary>One sentence saying what to use instead.</summary>
    public string Advice { get; } = advice;

    /// <summary><see cref="BlockingFixKinds"/> value, or null when no mechanical fix exists.</summary>
    public string? FixKind { get; } = fixKind;
}
