using System.ComponentModel;

namespace XWebhooks.Hosting;

/// <summary>
/// Marks an assembly whose <see cref="XWebhookHandlerAttribute"/> methods the source generator turned into a
/// <see cref="XWebhookHandlerRegistration"/>. The generator of every project that references the assembly
/// reads it from metadata and wires that registration; the runtime reads it to name handler assemblies that
/// were never wired. Emitted by the generator; not meant to be written by hand.
/// </summary>
/// <param name="registrationType">The generated static class whose <c>Registration</c> property holds the registration.</param>
/// <param name="handlerTypes">The fully qualified names of the classes that declare handlers, for error messages.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class XWebhookHandlerAssemblyAttribute(Type registrationType, params string[] handlerTypes) : Attribute
{
    /// <summary>The generated static class whose <c>Registration</c> property holds the registration.</summary>
    public Type RegistrationType { get; } = registrationType;

    /// <summary>The fully qualified names of the classes that declare handlers.</summary>
    public IReadOnlyList<string> HandlerTypes { get; } = handlerTypes;
}
