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
}
