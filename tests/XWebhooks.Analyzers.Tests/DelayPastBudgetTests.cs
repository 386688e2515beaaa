using V = XWebhooks.Analyzers.Tests.Verify<XWebhooks.Analyzers.DelayPastBudgetAnalyzer>;

namespace XWebhooks.Analyzers.Tests;

public class DelayPastBudgetTests
{
    private static string Handler(string body) => $$"""
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using XWebhooks;
        using XWebhooks.Events.Activity;

        public partial class Handlers
        {
            private readonly HttpClient http = new();

            [XWebhookHandler]
            public async Task OnPost(PostCreated e, CancellationToken ct)
            {
                {{body}}
            }

            public async Task NotAHandler() => await Task.Delay(60_000);
        }
        """;

    [Theory]
    [InlineData("await Task.Delay({|#0:10_000|}, ct);", "Task.Delay", "10")]
    [InlineData("await Task.Delay({|#0:TimeSpan.FromSeconds(30)|}, ct);", "Task.Delay", "30")]
    [InlineData("await Task.Delay({|#0:TimeSpan.FromMinutes(1)|});", "Task.Delay", "60")]
    [InlineData("await Task.Delay({|#0:new TimeSpan(0, 0, 12)|});", "Task.Delay", "12")]
    [InlineData("await Task.Delay({|#0:Timeout.Infinite|}, ct);", "Task.Delay", "infinite")]
    [InlineData("using var cts = new CancellationTokenSource({|#0:TimeSpan.FromSeconds(15)|});", "CancellationTokenSource timeout", "15")]
    [InlineData("using var cts = new CancellationTokenSource(); cts.CancelAfter({|#0:20000|});", "CancelAfter", "20")]
    [InlineData("http.Timeout = {|#0:TimeSpan.FromSeconds(100)|};", "HttpClient.Timeout", "100")]
    [InlineData("var c = new HttpClient { Timeout = {|#0:Timeout.InfiniteTimeSpan|} };", "HttpClient.Timeout", "infinite")]
    public async Task Reports_constant_durations_at_or_past_the_budget(string body, string what, string seconds)
    {
        await V.Analyzer(Handler(body), V.Diagnostic(RuleIds.DelayPastBudget).WithLocation(0).WithArguments(what, seconds, "OnPost", "10"));
    }

    [Theory]
    [InlineData("await Task.Delay(100, ct);")]
    [InlineData("await Task.Delay(TimeSpan.FromSeconds(2), ct);")]
    [InlineData("using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct); cts.CancelAfter(TimeSpan.FromMilliseconds(9_999));")]
    [InlineData("var d = TimeSpan.FromSeconds(new Random().Next()); await Task.Delay(d, ct);")]
    [InlineData("http.Timeout = TimeSpan.FromSeconds(5);")]
    public async Task Ignores_short_or_non_constant_durations(string body)
    {
        await V.Analyzer(Handler(body));
    }

    [Fact]
    public async Task Budget_comes_from_editorconfig()
    {
        await V.Analyzer(
            Handler("await Task.Delay({|#0:TimeSpan.FromSeconds(3)|}, ct); await Task.Delay(2_999, ct);"),
            "xwebhooks_budget_seconds = 3",
            V.Diagnostic(RuleIds.DelayPastBudget).WithLocation(0).WithArguments("Task.Delay", "3", "OnPost", "3"));
    }
}
