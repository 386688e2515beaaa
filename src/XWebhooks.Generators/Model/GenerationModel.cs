namespace XWebhooks.Generators.Model;

/// <summary>All valid handlers of the compilation, grouped: the dispatcher and one entry per handler class.</summary>
/// <param name="Dispatcher">The dispatcher file's model.</param>
/// <param name="Classes">One model per handler class file.</param>
/// <param name="Registrations">Handler classes with instance handlers, by name, registered as scoped services.</param>
/// <param name="Errors">Internal errors met while grouping (reported as XWH006).</param>
internal sealed record GenerationModel(DispatcherModel Dispatcher, EquatableArray<HandlerClassModel> Classes, EquatableArray<RegistrationModel> Registrations, EquatableArray<DiagnosticInfo> Errors);
