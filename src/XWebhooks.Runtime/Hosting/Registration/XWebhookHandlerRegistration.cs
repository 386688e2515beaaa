using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Delivery;

namespace XWebhooks.Hosting;

/// <summary>
/// The <see cref="XWebhookHandlerAttribute"/> handlers of one assembly, as the source generator emits them:
/// the assembly's dispatcher and the DI registration of its handler classes. Each assembly with handlers
/// exposes one as <c>XWebhooks.Generated.&lt;assembly name&gt;.XWebhookHandlers.Registration</c>.
/// </summary>
/// <remarks>
/// <c>AddXWebhooks</c> wires the registrations of the assembly that calls it and of every assembly it
/// references without a line of code. Pass one to <see cref="XWebhooksBuilder.AddHandlers"/> only when the
/// generator did not run in the calling project (for example a project that does not reference the
/// <c>XWebhooks</c> package itself); the app refuses to start and names the assembly when that is needed.
/// </remarks>
public sealed class XWebhookHandlerRegistration
{
    private readonly Func<IXWebhookDispatcher> createDispatcher;
    private readonly Action<IServiceCollection> addHandlerClasses;

    /// <summary>Called by generated code.</summary>
    /// <param name="assemblyName">The simple name of the assembly that declares the handlers.</param>
    /// <param name="handlerTypes">The fully qualified names of the classes that declare handlers, for error messages.</param>
    /// <param name="createDispatcher">Creates the assembly's generated dispatcher.</param>
    /// <param name="addHandlerClasses">Registers the handler classes (scoped, built by constructor injection).</param>
    public XWebhookHandlerRegistration(
        string assemblyName,
        IReadOnlyList<string> handlerTypes,
        Func<IXWebhookDispatcher> createDispatcher,
        Action<IServiceCollection> addHandlerClasses)
    {
        ArgumentException.ThrowIfNullOrEmpty(assemblyName);
        ArgumentNullException.ThrowIfNull(handlerTypes);
        ArgumentNullException.ThrowIfNull(createDispatcher);
        ArgumentNullException.ThrowIfNull(addHandlerClasses);
        AssemblyName = assemblyName;
        HandlerTypes = handlerTypes;
        this.createDispatcher = createDispatcher;
        this.addHandlerClasses = addHandlerClasses;
    }

    /// <summary>The simple name of the assembly that declares the handlers.</summary>
    public string AssemblyName { get; }

    /// <summary>The fully qualified names of the classes that declare handlers.</summary>
    public IReadOnlyList<string> HandlerTypes { get; }

    internal IXWebhookDispatcher CreateDispatcher() => createDispatcher();

    internal void AddHandlerClasses(IServiceCollection services) => addHandlerClasses(services);

    /// <inheritdoc />
    public override string ToString() => AssemblyName + " (" + string.Join(", ", HandlerTypes) + ")";
}
