using XWebhooks.Analyzers.CodeFixes;
using V = XWebhooks.Analyzers.Tests.Verify<XWebhooks.Analyzers.HandlerWithoutCancellationTokenAnalyzer>;

namespace XWebhooks.Analyzers.Tests;

public class HandlerWithoutCancellationTokenTests
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

    [Fact]
    public async Task Reports_and_fixes_async_handler_without_token()
    {
        var source = Usings + """
            public partial class Handlers
            {
                private readonly HttpClient http = new();

                [XWebhookHandler]
                public async Task {|#0:OnPost|}(PostCreated e, XDelivery delivery)
                {
                    await http.GetStringAsync("https://example.com");
                }

                [XWebhookHandler]
                public Task OnPureAsync(PostCreated e) => Task.CompletedTask;

                [XWebhookHandler]
                public void OnSync(PostCreated e) { }
            }
            """;
        var fixedSource = Usings + """
            public partial class Handlers
            {
                private readonly HttpClient http = new();

                [XWebhookHandler]
                public async Task OnPost(PostCreated e, XDelivery delivery, CancellationToken cancellationToken)
                {
                    await http.GetStringAsync("https://example.com");
                }

                [XWebhookHandler]
                public Task OnPureAsync(PostCreated e) => Task.CompletedTask;

                [XWebhookHandler]
                public void OnSync(PostCreated e) { }
            }
            """;
        // Passing the new token on is XWH103's fix (ForwardCancellationTokenAnalyzer), which this test does not run.
        await V.CodeFix<CancellationTokenCodeFixProvider>(
            source,
            fixedSource,
            V.Diagnostic(RuleIds.HandlerWithoutCancellationToken).WithLocation(0).WithArguments("OnPost", "10"));
    }

    [Fact]
    public async Task Ignores_handlers_that_take_a_token_even_when_they_do_not_pass_it()
    {
        var source = Usings + """
            public partial class Handlers
            {
                private readonly HttpClient http = new();

                [XWebhookHandler]
                public async Task OnPost(PostCreated e, CancellationToken ct)
                {
                    await http.GetStringAsync("https://example.com");
                }
            }
            """;
        await V.Analyzer(source);
    }
}
