namespace XWebhooks;

/// <summary>
/// Marks a method of a <c>partial</c> class as a handler of X webhook events. The type of its first
/// parameter says which event it takes (for example <c>PostCreated</c> for XAA <c>post.create</c>);
/// optional further parameters are <see cref="XDelivery"/> and <see cref="System.Threading.CancellationToken"/>.
/// The method returns <c>void</c>, <see cref="System.Threading.Tasks.Task"/> or <see cref="System.Threading.Tasks.ValueTask"/>.
/// The XWebhooks source generator turns every such method into a branch of a reflection-free dispatcher.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class XWebhookHandlerAttribute : Attribute;
