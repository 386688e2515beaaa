using XWebhooks.Analyzers.CodeFixes;
using V = XWebhooks.Analyzers.Tests.Verify<XWebhooks.Analyzers.BlockingCallAnalyzer>;

namespace XWebhooks.Analyzers.Tests;

public class BlockingCallTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using XWebhooks;
        using XWebhooks.Events.Activity;

        """;

    [Theory]
    [InlineData("{|#0:Load().Result|}.ToString();", "Task.Result")]
    [InlineData("{|#0:Load().Wait()|};", "Task.Wait")]
    [InlineData("{|#0:Load().GetAwaiter().GetResult()|};", "GetAwaiter().GetResult")]
    [InlineData("{|#0:Load().ConfigureAwait(false).GetAwaiter().GetResult()|};", "GetAwaiter().GetResult")]
    [InlineData("{|#0:Task.WaitAll(Load(), Load())|};", "Task.WaitAll")]
    [InlineData("{|#0:Thread.Sleep(100)|};", "Thread.Sleep")]
    [InlineData("{|#0:gate.Wait()|};", "SemaphoreSlim.Wait")]
    [InlineData("lock (gate) { {|#0:Monitor.Wait(gate)|}; }", "Monitor.Wait")]
    [InlineData("{|#0:File.ReadAllText(\"a.txt\")|};", "File.ReadAllText")]
    [InlineData("using var s = File.OpenRead(\"a\"); {|#0:s.Read(new byte[4], 0, 4)|};", "FileStream.Read")]
    [InlineData("{|#0:new StreamReader(\"a\").ReadToEnd()|};", "StreamReader.ReadToEnd")]
    [InlineData("{|#0:http.Send(new HttpRequestMessage())|};", "HttpClient.Send")]
    [InlineData("{|#0:System.Diagnostics.Process.Start(\"ls\")!.WaitForExit()|};", "Process.WaitForExit")]
    public async Task Reports_blocking_call_in_handler(string statement, string display)
    {
        var source = Usings + $$"""
            public partial class Handlers
            {
                private readonly SemaphoreSlim gate = new(1);
                private readonly HttpClient http = new();
                private static Task<int> Load() => Task.FromResult(1);

                [XWebhookHandler]
                public void OnPost(PostCreated e)
                {
                    {{statement}}
                }
            }
            """;
        await V.Analyzer(source, V.Diagnostic(RuleIds.BlockingCall).WithLocation(0).WithArguments(display, "OnPost", "10", Advice(display)));
    }

    private static string Advice(string display) => display switch
    {
        "Thread.Sleep" => "Use 'await Task.Delay(..., cancellationToken)' instead.",
        "SemaphoreSlim.Wait" => "Use 'await WaitAsync(cancellationToken)' instead.",
        "Monitor.Wait" => "Use an async primitive such as SemaphoreSlim.WaitAsync or a Channel instead.",
        "Task.WaitAll" => "Use 'await Task.WhenAll(...)' instead.",
        "File.ReadAllText" => "Use 'await File.ReadAllTextAsync' instead.",
        "FileStream.Read" => "Use 'await ReadAsync' instead.",
        "StreamReader.ReadToEnd" => "Use 'await ReadToEndAsync' instead.",
        "HttpClient.Send" => "Use 'await SendAsync' instead.",
        "Process.WaitForExit" => "Use 'await WaitForExitAsync(cancellationToken)' instead.",
        _ => "Use 'await' instead.",
    };

    [Fact]
    public async Task Reports_in_lambdas_and_local_functions_and_uses_budget_from_editorconfig()
    {
        var source = Usings + """
            public partial class Handlers
            {
                [XWebhookHandler]
                public void OnPost(PostCreated e)
                {
                    Action a = () => {|#0:Thread.Sleep(1)|};
                    Local();
                    void Local() => {|#1:Thread.Sleep(2)|};
                }
            }
            """;
        await V.Analyzer(
            source,
            "xwebhooks_budget_seconds = 3",
            V.Diagnostic(RuleIds.BlockingCall).WithLocation(0).WithArguments("Thread.Sleep", "OnPost", "3", Advice("Thread.Sleep")),
            V.Diagnostic(RuleIds.BlockingCall).WithLocation(1).WithArguments("Thread.Sleep", "OnPost", "3", Advice("Thread.Sleep")));
    }

    [Fact]
    public async Task Ignores_idiomatic_async_code_and_non_handlers()
    {
        var source = Usings + """
            public partial class Handlers
            {
                private readonly SemaphoreSlim gate = new(1);
                private static Task<int> Load() => Task.FromResult(1);

                [XWebhookHandler]
                public async ValueTask OnPost(PostCreated e, CancellationToken ct)
                {
                    var a = Load();
                    var b = Load();
                    await Task.WhenAll(a, b);
                    var sum = a.Result + b.Result;
                    var c = Load();
                    await c.ConfigureAwait(false);
                    sum += c.Result;
                    var done = await Task.WhenAny(Load(), Load());
                    sum += done.Result;
                    var d = Load();
                    if (d.IsCompletedSuccessfully) { sum += d.Result; }
                    await Load().ContinueWith(t => t.Result + 1, ct);
                    if (gate.Wait(0)) { gate.Release(); }
                    using var memory = new MemoryStream();
                    memory.Write(new byte[1], 0, 1);
                    Console.Out.WriteLine(sum);
                    await Task.Delay(100, ct).ConfigureAwait(false);
                }

                [XWebhookHandler]
                public void OnSync(PostCreated e)
                {
                    var total = 0;
                    for (var i = 0; i < 10; i++) { total += e.Payload.Text.Length * i; }
                }

                public void NotAHandler()
                {
                    Thread.Sleep(1000);
                    Load().Wait();
                }
            }
            """;
        await V.Analyzer(source);
    }

    [Fact]
    public async Task Does_nothing_without_the_handler_attribute_type()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<BlockingCallAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = """
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class XWebhookHandlerAttribute : System.Attribute { }
                public class C { [XWebhookHandler] public void M() => System.Threading.Thread.Sleep(1); }
                """,
            ReferenceAssemblies = new Microsoft.CodeAnalysis.Testing.ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_replaces_result_wait_and_getresult_with_await()
    {
        var source = Usings + """
            public partial class Handlers
            {
                private static Task<string> Load() => Task.FromResult("x");

                [XWebhookHandler]
                public async Task OnPost(PostCreated e, CancellationToken ct)
                {
                    var n = {|#0:Load().Result|}.Length;
                    {|#1:Load().Wait()|};
                    var s = {|#2:Load().ConfigureAwait(false).GetAwaiter().GetResult()|};
                    await Task.Yield();
                }
            }
            """;
        var fixedSource = Usings + """
            public partial class Handlers
            {
                private static Task<string> Load() => Task.FromResult("x");

                [XWebhookHandler]
                public async Task OnPost(PostCreated e, CancellationToken ct)
                {
                    var n = (await Load()).Length;
                    await Load();
                    var s = await Load().ConfigureAwait(false);
                    await Task.Yield();
                }
            }
            """;
        await V.CodeFix<BlockingCallCodeFixProvider>(
            source,
            fixedSource,
            V.Diagnostic(RuleIds.BlockingCall).WithLocation(0).WithArguments("Task.Result", "OnPost", "10", Advice("")),
            V.Diagnostic(RuleIds.BlockingCall).WithLocation(1).WithArguments("Task.Wait", "OnPost", "10", Advice("")),
            V.Diagnostic(RuleIds.BlockingCall).WithLocation(2).WithArguments("GetAwaiter().GetResult", "OnPost", "10", Advice("")));
    }

    [Fact]
    public async Task Fix_replaces_thread_sleep_with_task_delay_passing_the_token()
    {
        var source = Usings + """
            public partial class Handlers
            {
                [XWebhookHandler]
                public async ValueTask OnPost(PostCreated e, XDelivery delivery, CancellationToken cancellationToken)
                {
                    {|#0:Thread.Sleep(250)|};
                    await Task.Yield();
                }
            }
            """;
        var fixedSource = Usings + """
            public partial class Handlers
            {
                [XWebhookHandler]
                public async ValueTask OnPost(PostCreated e, XDelivery delivery, CancellationToken cancellationToken)
                {
                    await Task.Delay(250, cancellationToken);
                    await Task.Yield();
                }
            }
            """;
        await V.CodeFix<BlockingCallCodeFixProvider>(
            source,
            fixedSource,
            V.Diagnostic(RuleIds.BlockingCall).WithLocation(0).WithArguments("Thread.Sleep", "OnPost", "10", Advice("Thread.Sleep")));
    }

    [Fact]
    public async Task No_fix_when_the_method_is_not_async()
    {
        var source = Usings + """
            public partial class Handlers
            {
                [XWebhookHandler]
                public void OnPost(PostCreated e)
                {
                    {|#0:Thread.Sleep(250)|};
                }
            }
            """;
        await V.CodeFix<BlockingCallCodeFixProvider>(
            source,
            source,
            V.Diagnostic(RuleIds.BlockingCall).WithLocation(0).WithArguments("Thread.Sleep", "OnPost", "10", Advice("Thread.Sleep")));
    }
}
