namespace XWebhooks.Serialization;

/// <summary>
/// Reads a deferred member of one event when a handler first uses it: with the event's serializer options and its
/// drift tolerance, reporting drift by the member's path in the event. The receive path supplies it.
/// </summary>
internal abstract class DeferredSectionReader
{
    /// <summary>Reads <paramref name="json"/>, found at <paramref name="path"/> in the event, as <typeparamref name="T"/>.</summary>
    /// <exception cref="System.Text.Json.JsonException">The JSON cannot be read as <typeparamref name="T"/>, even with its drifted values left empty.</exception>
    public abstract T? Read<T>(ReadOnlySpan<byte> json, string path)
        where T : class;
}
