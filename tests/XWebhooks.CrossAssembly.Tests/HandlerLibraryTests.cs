using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XWebhooks.Hosting;

namespace XWebhooks.CrossAssembly.Tests;

/// <summary>
/// An app (this assembly: no handlers, only AddXWebhooks + MapXWebhooks) and a handler library it references
/// (XWebhooks.HandlerLibrary), both built by MSBuild as a user builds them. One class so the tests that add to
/// the process-wide registry never run beside another host.
/// </summary>
public sealed class HandlerLibraryTests
{
    private const string LibraryAssembly = "XWebhooks.HandlerLibrary";
    private const string LibraryHandlers = "XWebhooks.HandlerLibrary.LibraryHandlers";

    [Fact]
    public async Task Handlers_in_a_referenced_library_run_when_the_app_only_calls_AddXWebhooks_and_MapXWebhooks()
    {
        await using var receiver = await StartAppAsync();

        var post = Fixture("activity/post.create.json");
        using (var response = await receiver.PostAsync(post))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var stream = Fixture("stream/post.json");
        using (var response = await receiver.PostAsync(stream))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal("post.create " + Id(post, "data", "payload", "id"), await ReadAsync(receiver));
        Assert.Equal("stream " + Id(stream, "data", "id"), await ReadAsync(receiver));
    }

    [Fact]
    public void The_library_is_wired_by_this_assembly_s_generated_module_initializer()
    {
        // This assembly has no handlers, so its generator emitted only the wiring of the library it references.
        Assert.Null(typeof(HandlerLibraryTests).Assembly.GetCustomAttributes(typeof(XWebhookHandlerAssemblyAttribute), false).SingleOrDefault());
        Assert.NotNull(typeof(HandlerLibraryTests).Assembly.GetType("XWebhooks.Generated.XWebhooksModuleInitializer"));

        var library = Assert.Single(XWebhooksGeneratedRegistry.Registrations, r => r.AssemblyName == LibraryAssembly);
        Assert.Equal([LibraryHandlers], library.HandlerTypes);

        var services = new ServiceCollection();
        services.AddXWebhooks(options => options.ConsumerSecret = "s");
        Assert.Contains(WiredHandlerRegistrations.Of(services).All, r => r.AssemblyName == LibraryAssembly);
    }

    [Fact]
    public void The_startup_check_finds_a_referenced_handler_library_that_was_not_wired()
    {
        var missing = HandlerWiringCheck.FindUnwired(new WiredHandlerRegistrations(), HandlerAssemblyScanner.AppLocalHandlerAssemblies);

        var library = Assert.Single(missing, m => m.AssemblyName == LibraryAssembly);
        Assert.Equal([LibraryHandlers], library.HandlerTypes);
        var message = HandlerWiringCheck.Describe(missing);
        Assert.Contains("'" + LibraryAssembly + "' (" + LibraryHandlers + "): add .AddHandlers(XWebhooks.Generated." + LibraryAssembly + ".XWebhookHandlers.Registration)", message, StringComparison.Ordinal);

        var services = new ServiceCollection();
        services.AddXWebhooks(options => options.ConsumerSecret = "s");
        Assert.DoesNotContain(HandlerWiringCheck.FindUnwired(WiredHandlerRegistrations.Of(services), HandlerAssemblyScanner.AppLocalHandlerAssemblies), m => m.AssemblyName == LibraryAssembly);
    }

    [Fact]
    public async Task An_app_refuses_to_start_when_a_handler_registration_arrived_after_AddXWebhooks()
    {
        var late = new XWebhookHandlerRegistration("Contoso.LateFollowHandlers", ["Contoso.LateFollowHandlers.FollowHandlers"], () => new SingleKindDispatcher("follow.follow"), _ => { });
        var logs = new LogCollector();

        var error = await Assert.ThrowsAsync<XWebhookHandlersNotWiredException>(() =>
            StartAppAsync(logs, beforeStart: () => XWebhooksGeneratedRegistry.Add(late)));

        Assert.Contains("'Contoso.LateFollowHandlers' (Contoso.LateFollowHandlers.FollowHandlers)", error.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Critical && entry.MessageAndException.Contains("Contoso.LateFollowHandlers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delivery_for_handlers_that_were_never_wired_is_refused_not_silently_acknowledged()
    {
        await using var receiver = await StartAppAsync();
        var dispatcher = new SingleKindDispatcher("like.create");
        XWebhooksGeneratedRegistry.Add(new XWebhookHandlerRegistration("Contoso.LateLikeHandlers", ["Contoso.LateLikeHandlers.LikeHandlers"], () => dispatcher, _ => { }));

        using var response = await receiver.PostAsync(Fixture("activity/like.create.json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(dispatcher.Dispatched);
        Assert.Contains(receiver.Logs.Entries, entry => entry.Level == LogLevel.Error && entry.MessageAndException.Contains("'Contoso.LateLikeHandlers' (Contoso.LateLikeHandlers.LikeHandlers)", StringComparison.Ordinal));

        // A kind nobody anywhere handles is still acknowledged.
        using var unhandled = await receiver.PostAsync(Fixture("activity/profile.update.url.json"));
        Assert.Equal(HttpStatusCode.OK, unhandled.StatusCode);
    }

    [Fact]
    public async Task AddHandlers_wires_a_registration_by_hand_once_however_often_it_is_called()
    {
        var dispatcher = new SingleKindDispatcher("profile.update.bio");
        var byHand = new XWebhookHandlerRegistration("Contoso.ByHand", ["Contoso.ByHand.BioHandlers"], () => dispatcher, _ => { });
        await using var receiver = await StartAppAsync(configure: xwebhooks => xwebhooks.AddHandlers(byHand).AddHandlers(byHand));

        using var response = await receiver.PostAsync(Fixture("activity/profile.update.bio.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["profile.update.bio"], dispatcher.Dispatched);
    }

    [Fact]
    public void The_documented_public_registration_is_the_one_wired_and_wiring_it_again_by_hand_adds_nothing()
    {
        var documented = XWebhooks.Generated.XWebhooks.HandlerLibrary.XWebhookHandlers.Registration;

        var services = new ServiceCollection();
        services.AddXWebhooks(options => options.ConsumerSecret = "s").AddHandlers(documented);

        Assert.Same(documented, Assert.Single(WiredHandlerRegistrations.Of(services).All, r => r.AssemblyName == LibraryAssembly));
        Assert.Same(documented, Assert.Single(XWebhooksGeneratedRegistry.Registrations, r => r.AssemblyName == LibraryAssembly));
    }

    /// <summary>
    /// The app's whole XWebhooks setup, as a user writes it: AddXWebhooks + MapXWebhooks, no handler of its own,
    /// nothing that names the handler library. The library's handlers report to a <see cref="Channel{T}"/> of
    /// strings, a framework type the app registers.
    /// </summary>
    private static Task<TestReceiver> StartAppAsync(LogCollector? logs = null, Action? beforeStart = null, Action<XWebhooksBuilder>? configure = null) =>
        TestReceiver.StartAsync(new()
        {
            Logs = logs,
            BeforeStart = beforeStart,
            Configure = xwebhooks =>
            {
                configure?.Invoke(xwebhooks);
                xwebhooks.Services.AddSingleton(Channel.CreateUnbounded<string>());
            },
        });

    private static byte[] Fixture(string path) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", path));

    private static string Id(byte[] body, params string[] path)
    {
        var element = JsonDocument.Parse(body).RootElement;
        foreach (var name in path)
        {
            element = element.GetProperty(name);
        }

        return element.GetString()!;
    }

    /// <summary>The next "kind id" the library's handlers reported.</summary>
    private static async Task<string> ReadAsync(TestReceiver receiver)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await receiver.Services.GetRequiredService<Channel<string>>().Reader.ReadAsync(timeout.Token);
    }
}
