using V = XWebhooks.Analyzers.Tests.Verify<XWebhooks.Analyzers.UnverifiedEndpointAnalyzer>;

namespace XWebhooks.Analyzers.Tests;

public class UnverifiedEndpointTests
{
    private static string Code(string body) => $$"""
        using System;
        using System.IO;
        using System.Security.Cryptography;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;
        using XWebhooks;
        using XWebhooks.Delivery;
        using XWebhooks.Events.Activity;
        using XWebhooks.Security;

        public static class Endpoints
        {
            public static void Map(IEndpointRouteBuilder app, IXWebhookDispatcher dispatcher, XSignatureVerifier verifier)
            {
                {{body}}
            }

            private static Task Handle(HttpContext context, IXWebhookDispatcher dispatcher) =>
                dispatcher.DispatchAsync(0, default, new XDelivery(XProduct.Activity, default, default), context.RequestServices, default).AsTask();
        }
        """;

    [Theory]
    [InlineData("{|#0:app.MapPost(\"/hook\", (PostCreated e) => Results())|};", "/hook")]
    [InlineData("{|#0:app.MapPost(\"/hook\", async (HttpContext c) => { var e = await JsonSerializer.DeserializeAsync<PostCreated>(c.Request.Body); })|};", "/hook")]
    [InlineData("{|#0:app.MapPost(\"/x\", (HttpContext c) => dispatcher.DispatchAsync(0, default, new XDelivery(XProduct.Activity, default, default), c.RequestServices, default).AsTask())|};", "/x")]
    [InlineData("{|#0:app.MapPost(\"/x\", (Delegate)Handle)|};", "/x")]
    public async Task Reports_map_post_without_verification(string body, string route)
    {
        await V.Analyzer(Code(body + " static int Results() => 0;"), V.Diagnostic(RuleIds.UnverifiedEndpoint).WithLocation(0).WithArguments(route));
    }

    [Theory]
    [InlineData("app.MapPost(\"/x\", async (HttpContext c) => { var body = new byte[10]; if (verifier.Verify(c.Request.Headers[XWebhookSignature.HeaderName].ToString(), body) != XSignatureCheck.ValidPrimary) { return; } await dispatcher.DispatchAsync(0, default, new XDelivery(XProduct.Activity, default, default), c.RequestServices, default); });")]
    [InlineData("app.MapPost(\"/orders\", (HttpContext c) => c.Response.StatusCode = 200);")]
    [InlineData("app.MapPost(\"/x\", (PostCreated e) => CheckSignature());")]
    public async Task Ignores_verified_or_unrelated_endpoints(string body)
    {
        await V.Analyzer(Code(body + " static int CheckSignature() => 0;"));
    }

    [Fact]
    public async Task Reports_controller_action_without_verification()
    {
        var source = """
            using Microsoft.AspNetCore.Mvc;
            using XWebhooks.Events.Activity;
            using XWebhooks.Security;

            [ApiController]
            public sealed class HookController : ControllerBase
            {
                [HttpPost("/hook")]
                public int {|#0:Receive|}([FromBody] PostCreated e) => e.Payload.Text.Length;

                [HttpPost("/verified")]
                public int Verified([FromBody] PostCreated e) =>
                    XWebhookSignature.Verify(Request.Headers[XWebhookSignature.HeaderName], default, default) ? 1 : 0;

                [HttpPost("/other")]
                public int Other(string name) => name.Length;
            }
            """;
        await V.Analyzer(source, V.Diagnostic(RuleIds.UnverifiedEndpoint).WithLocation(0).WithArguments("HookController.Receive"));
    }
}
