using V = XWebhooks.Analyzers.Tests.Verify<XWebhooks.Analyzers.ResponseBudgetTooLongAnalyzer>;

namespace XWebhooks.Analyzers.Tests;

public class ResponseBudgetTooLongTests
{
    private static string Code(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using XWebhooks.Hosting;
        using XWebhooks.Security;

        public static class Setup
        {
            private const string Secret = "s3cr3t";

            public static void Configure(XWebhooksOptions options, IDictionary<string, string> configuration, string fromConfig)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("options.ResponseBudget = TimeSpan.FromSeconds(10);")]
    [InlineData("options.ResponseBudget = TimeSpan.FromMilliseconds(2500);")]
    [InlineData("options.ResponseBudget = TimeSpan.FromSeconds(fromConfig.Length);")]
    [InlineData("options.ConsumerSecret = \"abc123\";")]
    public async Task Ignores_budgets_within_the_limit_and_other_options(string body)
    {
        await V.Analyzer(Code(body));
    }

    [Theory]
    [InlineData("options.ResponseBudget = {|#0:TimeSpan.FromSeconds(30)|};", "30")]
    [InlineData("options.ResponseBudget = {|#0:TimeSpan.FromSeconds(10.5)|};", "10.5")]
    [InlineData("options.ResponseBudget = {|#0:Timeout.InfiniteTimeSpan|};", "infinite")]
    public async Task Reports_response_budget_past_ten_seconds(string body, string seconds)
    {
        await V.Analyzer(Code(body), V.Diagnostic(RuleIds.ResponseBudgetTooLong).WithLocation(0).WithArguments(seconds));
    }
}
