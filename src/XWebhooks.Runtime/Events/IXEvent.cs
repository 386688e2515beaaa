using System.Text.Json.Serialization.Metadata;

namespace XWebhooks.Events;

/// <summary>
/// An X event model with System.Text.Json source-generated metadata. Generated dispatchers and the
/// inbox deserialize events through <see cref="JsonTypeInfo"/>, so no reflection is needed at run time.
/// </summary>
/// <typeparam name="TSelf">The implementing event type.</typeparam>
public interface IXEvent<TSelf> where TSelf : IXEvent<TSelf>
{
    /// <summary>Source-generated JSON metadata for <typeparamref name="TSelf"/>.</summary>
    static abstract JsonTypeInfo<TSelf> JsonTypeInfo { get; }
}
