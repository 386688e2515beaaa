using System.Threading.Channels;
using XWebhooks.Events.Activity;
using XWebhooks.Events.Stream;

namespace XWebhooks.HandlerLibrary;

/// <summary>
/// Handlers that live in a library. They report to a <see cref="Channel{T}"/> of strings the host registers, a
/// framework type, so the host never has to touch this assembly's types to see them run.
/// </summary>
public sealed partial class LibraryHandlers(Channel<string> handled)
{
    [XWebhookHandler]
    public ValueTask OnPost(PostCreated post, CancellationToken cancellationToken) =>
        handled.Writer.WriteAsync("post.create " + post.Payload?.Id, cancellationToken);

    [XWebhookHandler]
    public ValueTask OnMatchedPost(StreamPost post, CancellationToken cancellationToken) =>
        handled.Writer.WriteAsync("stream " + post.Data?.Id, cancellationToken);
}
