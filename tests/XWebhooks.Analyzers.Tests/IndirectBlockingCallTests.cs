using V = XWebhooks.Analyzers.Tests.Verify<XWebhooks.Analyzers.IndirectBlockingCallAnalyzer>;

namespace XWebhooks.Analyzers.Tests;

public class IndirectBlockingCallTests
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
    public async Task Reports_blocking_up_to_three_calls_deep_on_the_handler_call_site()
    {
        var source = Usings + """
            public partial class Handlers
            {
                [XWebhookHandler]
                public void OnPost(PostCreated e)
                {
                    {|#0:Helpers.One()|};
                    {|#1:new Store().Save()|};
                    Helpers.Four();
                    Helpers.Clean();
                }
            }

            public static class Helpers
            {
                public static void One() => Two();
                public static void Two() => Three();
                public static void Three() => Thread.Sleep(10);
                public static void Four() => One();
                public static void Clean() => Clean();
            }

            public sealed class Store
            {
                public void Save() => File.WriteAllText("a", "b");
            }
            """;
        await V.Analyzer(
            source,
            V.Diagnostic(RuleIds.IndirectBlockingCall).WithLocation(0).WithArguments("OnPost", "'Helpers.One() -> Helpers.Two() -> Helpers.Three() -> Thread.Sleep'", "10"),
            V.Diagnostic(RuleIds.IndirectBlockingCall).WithLocation(1).WithArguments("OnPost", "'Store.Save() -> File.WriteAllText'", "10"));
    }

    [Fact]
    public async Task Leaves_blocking_calls_in_the_handler_itself_to_XWH100()
    {
        var source = Usings + """
            public partial class Handlers
            {
                [XWebhookHandler]
                public void OnPost(PostCreated e)
                {
                    Thread.Sleep(10);
                }
            }
            """;
        await V.Analyzer(source);
    }
}
