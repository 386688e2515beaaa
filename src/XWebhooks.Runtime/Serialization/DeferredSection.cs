namespace XWebhooks.Serialization;

/// <summary>
/// A member of an event kept as its JSON until a handler first reads it: most handlers read a few fields, and
/// deserializing the rest (a post's <c>includes</c> is often three quarters of the body) is most of the receive path's
/// CPU. Read once, leniently (drift leaves values empty, as for the whole event); concurrent first reads may both
/// deserialize, and every reader gets the same instance.
/// </summary>
/// <typeparam name="T">The member's model type.</typeparam>
internal sealed class DeferredSection<T>(ReadOnlyMemory<byte> json, string path, DeferredSectionReader reader)
    where T : class
{
    private T? value;

    /// <summary>The member, deserialized on first use.</summary>
    /// <exception cref="System.Text.Json.JsonException">The JSON cannot be read as <typeparamref name="T"/>, even with its drifted values left empty.</exception>
    public T? Value => Volatile.Read(ref value) ?? Materialize();

    private T? Materialize()
    {
        var read = reader.Read<T>(json.Span, path);
        return read is null ? null : Interlocked.CompareExchange(ref value, read, null) ?? read;
    }
}
