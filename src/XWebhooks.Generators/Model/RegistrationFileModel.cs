namespace XWebhooks.Generators.Model;

/// <summary>Everything the registration file needs: this assembly's handlers (if any) and the handler assemblies it references.</summary>
/// <param name="AssemblyName">The compilation's assembly name, which names the public registration class's namespace.</param>
/// <param name="HasDispatcher">Whether this assembly has handlers, so a dispatcher and a public registration are emitted.</param>
/// <param name="HandlerTypes">Fully qualified names (without <c>global::</c>) of the classes that declare handlers.</param>
/// <param name="Registrations">Handler classes with instance handlers, registered as scoped services.</param>
/// <param name="ReferencedRegistrations">The <c>global::</c>-qualified registration classes of referenced handler assemblies.</param>
internal sealed record RegistrationFileModel(
    string AssemblyName,
    bool HasDispatcher,
    EquatableArray<string> HandlerTypes,
    EquatableArray<RegistrationModel> Registrations,
    EquatableArray<string> ReferencedRegistrations)
{
    public bool IsEmpty => !HasDispatcher && ReferencedRegistrations.Count == 0;
}
