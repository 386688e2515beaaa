namespace XWebhooks.Generators.Model;

/// <summary>What a handler returns.</summary>
internal enum ReturnKind
{
    Void,
    Task,
    ValueTask,
}
