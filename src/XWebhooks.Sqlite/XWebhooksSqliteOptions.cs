using XWebhooks.OptionsValidation;

namespace XWebhooks.Sqlite;

/// <summary>Options of <see cref="SqliteWebhookInbox"/>.</summary>
public sealed class XWebhooksSqliteOptions : IOptionsSection
{
    /// <summary>The configuration section the configuration-bound registration is usually given: <c>XWebhooks:Inbox</c>.</summary>
    public const string SectionName = "XWebhooks:Inbox";

    string IOptionsSection.SectionPath => SectionName;

    /// <summary>
    /// The database file, created with its schema on first use. Relative paths resolve against the process's
    /// current directory. Put it on a local disk (not a network share): durability relies on fsync. Default
    /// <c>xwebhooks.db</c>.
    /// </summary>
    public string Path { get; set; } = "xwebhooks.db";

    /// <summary>
    /// What an acknowledged delivery survives: <see cref="XWebhooksSqliteDurability.Fsync"/> (default: power loss) or
    /// <see cref="XWebhooksSqliteDurability.Process"/> (a process crash; faster, and gap recovery covers power loss).
    /// </summary>
    public XWebhooksSqliteDurability Durability { get; set; } = XWebhooksSqliteDurability.Fsync;

    /// <summary>How many bytes of recently appended bodies (with their event indexes) stay in memory for the worker.</summary>
    internal long RecentEntryBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>How often committed WAL frames are copied into the database (and, with <see cref="XWebhooksSqliteDurability.Process"/>, reach the disk); infinite stops the timer (tests).</summary>
    internal TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(50);
}
