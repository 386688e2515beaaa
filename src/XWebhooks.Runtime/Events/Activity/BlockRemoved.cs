using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>block.unblock</c>: the filtered user unblocked someone (<c>source</c> unblocks <c>target</c>). No example in the docs; follow-like shape. Private event (<c>block.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "block.unblock")]
public sealed class BlockRemoved : ActivityEvent<UserPairPayload>, IXEvent<BlockRemoved>
{
    /// <summary>Source-generated JSON metadata for <see cref="BlockRemoved"/>.</summary>
    public static JsonTypeInfo<BlockRemoved> JsonTypeInfo => XActivityJsonContext.Default.BlockRemoved;
}
