namespace XWebhooks.OptionsValidation;

/// <summary>
/// Options that say which configuration section they are bound from by convention (such as <c>XWebhooks:Inbox</c>),
/// so validation errors name the full key a user sets. Implemented explicitly: it is no part of the public API.
/// </summary>
internal interface IOptionsSection
{
    /// <summary>The section path, such as <c>XWebhooks:Inbox</c>.</summary>
    string SectionPath { get; }
}
