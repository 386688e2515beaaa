namespace XWebhooks.Generators;

/// <summary>Names of the incremental pipeline's steps (<c>WithTrackingName</c>), used by the caching tests.</summary>
internal static class TrackingNames
{
    /// <summary>One parse result per <c>[XWebhookHandler]</c> method.</summary>
    public const string Handlers = "XWebhooks.Handlers";

    /// <summary>All diagnostics, de-duplicated.</summary>
    public const string Diagnostics = "XWebhooks.Diagnostics";

    /// <summary>The handlers that can be generated.</summary>
    public const string ValidHandlers = "XWebhooks.ValidHandlers";

    /// <summary>Handlers grouped into routes and classes.</summary>
    public const string GenerationModel = "XWebhooks.GenerationModel";

    /// <summary>The dispatcher file's model.</summary>
    public const string Dispatcher = "XWebhooks.Dispatcher";

    /// <summary>One model per handler class file.</summary>
    public const string HandlerClasses = "XWebhooks.HandlerClasses";

    /// <summary>The registrations of referenced handler assemblies, read from metadata.</summary>
    public const string ReferencedRegistrations = "XWebhooks.ReferencedRegistrations";

    /// <summary>The registration file's model.</summary>
    public const string Registration = "XWebhooks.Registration";

    public static readonly string[] All = [Handlers, Diagnostics, ValidHandlers, GenerationModel, Dispatcher, HandlerClasses, ReferencedRegistrations, Registration];
}
