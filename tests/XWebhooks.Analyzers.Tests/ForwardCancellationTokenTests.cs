using XWebhooks.Analyzers.CodeFixes;
using V = XWebhooks.Analyzers.Tests.Verify<XWebhooks.Analyzers.ForwardCancellationTokenAnalyzer>;

namespace XWebhooks.Analyzers.Tests;

public class ForwardCancellationTokenTests
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

    private static string Handler(string body) => Usings + $$"""
        public partial class Handlers
        {
            private readonly HttpClient http = new();
            private static Task Save(string text, CancellationToken cancellationToken = default) => Task.CompletedTask;

            [XWebhookHandler]
            public async ValueTask OnPost(PostCreated e, CancellationToken ct)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task Reports_and_fixes_calls_that_could_take_the_token()
    {
        var source = Handler("""
            await {|#0:Task.Delay(100)|};
                    var s = await {|#1:http.GetStringAsync("https://example.com")|};
                    await {|#2:Save(s)|}.ConfigureAwait(false);
                    await {|#4:Save(text: s)|};
                    await {|#3:File.WriteAllTextAsync("a", s)|};
            """);
        var fixedSource = Handler("""
            await Task.Delay(100, ct);
                    var s = await http.GetStringAsync("https://example.com", ct);
                    await Save(s, ct).ConfigureAwait(false);
                    await Save(text: s, cancellationToken: ct);
                    await File.WriteAllTextAsync("a", s, ct);
            """);
        await V.CodeFix<CancellationTokenCodeFixProvider>(
            source,
            fixedSource,
            V.Diagnostic(RuleIds.ForwardCancellationToken).WithLocation(0).WithArguments("ct", "Task.Delay", "10"),
            V.Diagnostic(RuleIds.ForwardCancellationToken).WithLocation(1).WithArguments("ct", "HttpClient.GetStringAsync", "10"),
            V.Diagnostic(RuleIds.ForwardCancellationToken).WithLocation(2).WithArguments("ct", "Handlers.Save", "10"),
            V.Diagnostic(RuleIds.ForwardCancellationToken).WithLocation(3).WithArguments("ct", "File.WriteAllTextAsync", "10"),
            V.Diagnostic(RuleIds.ForwardCancellationToken).WithLocation(4).WithArguments("ct", "Handlers.Save", "10"));
    }

    [Fact]
    public async Task Ignores_calls_that_pass_a_token_or_cannot_take_one()
    {
        var source = Handler("""
            await Task.Delay(100, ct);
                    await Save("x", ct);
                    await Save("x", CancellationToken.None);
                    await Task.WhenAll(Task.CompletedTask, Task.Yield().GetAwaiter().IsCompleted ? Task.CompletedTask : Task.CompletedTask);
                    var text = e.Payload.Text.ToUpperInvariant();
                    await Task.Yield();
            """);
        await V.Analyzer(source);
    }
}
