namespace XWebhooks.Serialization;

/// <summary>
/// An event model that can take some of its members as JSON, read on first use (the receive path knows which members
/// each model defers). Deserialized without those members, the event then receives each one found.
/// </summary>
internal interface IDeferredSections
{
    /// <summary>Hands the model the JSON of one deferred member.</summary>
    /// <param name="section">The member's index in the model's list of deferred member names.</param>
    /// <param name="json">The member's value (an object), owned by the model from now on.</param>
    /// <param name="reader">How to read it later.</param>
    void Defer(int section, ReadOnlyMemory<byte> json, DeferredSectionReader reader);
}
