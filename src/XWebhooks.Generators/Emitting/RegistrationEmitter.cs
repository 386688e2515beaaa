using System.Text;
using XWebhooks.Generators.Model;

namespace XWebhooks.Generators.Emitting;

/// <summary>
/// Emits <c>XWebhooksRegistration.g.cs</c>. For an assembly with handlers: the public
/// <c>XWebhooks.Generated.&lt;assembly&gt;.XWebhookHandlers.Registration</c> (dispatcher + scoped handler
/// classes) and the assembly attribute that lets referencing projects find it in metadata. For every
/// assembly with handlers or with referenced handler assemblies: a module initializer that adds this
/// assembly's registration and, by direct reference, those of the referenced ones to
/// <c>XWebhooksGeneratedRegistry</c>, so <c>AddXWebhooks</c> sees them under JIT and Native AOT alike.
/// </summary>
internal static class RegistrationEmitter
{
    public const string HintName = "XWebhooksRegistration.g.cs";

    private const string Di = "global::Microsoft.Extensions.DependencyInjection";
    private const string Registration = "global::XWebhooks.Hosting.XWebhookHandlerRegistration";

    public static string Emit(RegistrationFileModel model)
    {
        var writer = new IndentedWriter();
        EmitterHelpers.WriteHeader(writer);
        var own = model.HasDispatcher ? OwnRegistrationClass(model.AssemblyName) : null;
        if (own is not null)
        {
            writer.WriteLine("[assembly: global::XWebhooks.Hosting.XWebhookHandlerAssemblyAttribute(typeof(" + own + ")" + string.Concat(model.HandlerTypes.Select(static type => ", " + Literal(type))) + ")]");
            writer.WriteLine();
            WriteRegistrationClass(writer, model);
            writer.WriteLine();
        }

        writer.OpenBlock("namespace " + WellKnownNames.GeneratedNamespace);
        writer.WriteLine("/// <summary>Adds this assembly's handler registration and those of the handler assemblies it references to <c>AddXWebhooks</c>.</summary>");
        writer.WriteLine(EmitterHelpers.NeverBrowsableAttribute);
        writer.WriteLine(EmitterHelpers.GeneratedCodeAttribute);
        writer.OpenBlock("internal static class XWebhooksModuleInitializer");
        writer.WriteLine("#pragma warning disable CA2255 // Runs before AddXWebhooks in the assembly that calls it; referencing the libraries' registrations loads (JIT) and keeps (AOT) them.");
        writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.OpenBlock("internal static void Initialize()");
        // Referenced assemblies first, as the runtime would run their own module initializers first anyway: the
        // order decides which dispatcher gets a kind two assemblies handle, and an app's fallback then comes last.
        var registrations = own is null ? model.ReferencedRegistrations.ToList() : [.. model.ReferencedRegistrations, own];
        foreach (var registration in registrations)
        {
            writer.WriteLine("global::XWebhooks.Hosting.XWebhooksGeneratedRegistry.Add(" + registration + ".Registration);");
        }

        writer.CloseBlock();
        writer.WriteLine("#pragma warning restore CA2255");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>The <c>global::</c>-qualified public registration class of an assembly.</summary>
    public static string OwnRegistrationClass(string assemblyName) =>
        "global::" + Namespace(assemblyName) + "." + WellKnownNames.RegistrationClass;

    /// <summary><c>XWebhooks.Generated.</c> plus the assembly name, each dotted part made a valid identifier.</summary>
    public static string Namespace(string assemblyName)
    {
        var parts = assemblyName.Split('.').Select(static part =>
        {
            var name = new StringBuilder(part.Length + 1);
            foreach (var c in part)
            {
                name.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            }

            if (name.Length == 0 || char.IsDigit(name[0]))
            {
                name.Insert(0, '_');
            }

            return EmitterHelpers.Identifier(name.ToString());
        });
        return WellKnownNames.GeneratedNamespace + "." + string.Join(".", parts);
    }

    private static void WriteRegistrationClass(IndentedWriter writer, RegistrationFileModel model)
    {
        writer.OpenBlock("namespace " + Namespace(model.AssemblyName));
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The <c>[XWebhookHandler]</c> handlers of assembly <c>" + Xml(model.AssemblyName) + "</c>. <c>AddXWebhooks</c> wires them in this project and in");
        writer.WriteLine("/// every project that references it and runs the XWebhooks generator; elsewhere pass <see cref=\"Registration\"/> to");
        writer.WriteLine("/// <c>AddXWebhooks(…).AddHandlers(…)</c>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(EmitterHelpers.GeneratedCodeAttribute);
        writer.OpenBlock("public static class " + WellKnownNames.RegistrationClass);
        writer.WriteLine("/// <summary>The assembly's dispatcher and handler classes, for <c>XWebhooksBuilder.AddHandlers</c>.</summary>");
        writer.WriteLine("public static " + Registration + " Registration { get; } = new " + Registration + "(");
        writer.Indent();
        writer.WriteLine(Literal(model.AssemblyName) + ",");
        writer.WriteLine("new string[] { " + string.Join(", ", model.HandlerTypes.Select(Literal)) + " },");
        writer.WriteLine("static () => new global::XWebhooks.Generated.XWebhooksDispatcher(),");
        writer.WriteLine("AddHandlerClasses);");
        writer.Outdent();
        writer.WriteLine();
        WriteAddHandlerClasses(writer, model);
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void WriteAddHandlerClasses(IndentedWriter writer, RegistrationFileModel model)
    {
        writer.WriteLine("/// <summary>Adds the handler classes as scoped services created by constructor injection.</summary>");
        writer.OpenBlock("private static void AddHandlerClasses(" + WellKnownNames.GlobalServiceCollection + " services)");
        foreach (var registration in model.Registrations)
        {
            writer.WriteLine(Di + ".Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<" + registration.TypeFullyQualifiedName + ">(");
            writer.Indent();
            writer.WriteLine("services,");
            if (registration.ConstructorParameters.Count == 0)
            {
                writer.WriteLine("static _ => new " + registration.TypeFullyQualifiedName + "());");
            }
            else
            {
                writer.WriteLine("static provider => new " + registration.TypeFullyQualifiedName + "(");
                writer.Indent();
                for (var i = 0; i < registration.ConstructorParameters.Count; i++)
                {
                    var parameter = registration.ConstructorParameters[i];
                    var resolve = parameter.IsOptional
                        ? "GetServiceOrDefault<" + parameter.TypeFullyQualifiedName + ">(provider, " + parameter.DefaultValue + ")"
                        : WellKnownNames.GlobalServiceProviderExtensions + ".GetRequiredService<" + parameter.TypeFullyQualifiedName + ">(provider)";
                    writer.WriteLine(resolve + (i == registration.ConstructorParameters.Count - 1 ? "));" : ","));
                }

                writer.Outdent();
            }

            writer.Outdent();
        }

        writer.CloseBlock();
        if (model.Registrations.Any(static registration => registration.ConstructorParameters.Any(static parameter => parameter.IsOptional)))
        {
            writer.WriteLine();
            writer.WriteLine("private static T GetServiceOrDefault<T>(" + WellKnownNames.GlobalServiceProvider + " provider, T defaultValue) =>");
            writer.Indent();
            writer.WriteLine("provider.GetService(typeof(T)) is T service ? service : defaultValue;");
            writer.Outdent();
        }
    }

    private static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Xml(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
