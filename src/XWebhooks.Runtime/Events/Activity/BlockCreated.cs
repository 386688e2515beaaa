using System.Text.Json.Serialization.Metadata;
using XWebhooks.Serialization;

namespace XWebhooks.Events.Activity;

/// <summary>
/// XAA <c>block.block</c>: the filtered user blocked someone (<c>source</c> blocks <c>target</c>; the filter matches the actor only). No example in the docs; follow-like shape. Private event (<c>block.read</c>).
/// </summary>
[XEventType(XProduct.Activity, "block.block")]
public sealed class BlockCreated : ActivityEvent<UserPairPayload>, IXEvent<BlockCreated>
{
    /// <summary>Source-generated JSON metadata for <see cref="BlockCreated"/>.</summary>
    public static JsonTypeInfo<BlockCreated> JsonTypeInfo => XActivityJsonContext.Default.BlockCreated;
}
