using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace XWebhooks.Analyzers.Tests;

/// <summary>Every XWebhooks analyzer together on idiomatic handler and endpoint code: nothing is reported.</summary>
public class FalsePositiveTests
{
    private sealed class AllAnalyzersTest : CSharpAnalyzerTest<BlockingCallAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        [
            new BlockingCallAnalyzer(), new IndirectBlockingCallAnalyzer(), new DelayPastBudgetAnalyzer(),
            new ForwardCancellationTokenAnalyzer(), new HandlerWithoutCancellationTokenAnalyzer(), new SignatureComparisonAnalyzer(),
            new SecretLiteralAnalyzer(), new ResponseBudgetTooLongAnalyzer(), new CrcTokenAnalyzer(), new UnverifiedEndpointAnalyzer(),
        ];
    }

    private const string SampleStyle = """
        using System;
        using System.Net.Http;
        using System.Security.Cryptography;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;
        using XWebhooks;
        using XWebhooks.Events.Activity;
        using XWebhooks.Hosting;
        using XWebhooks.Security;

        public interface ILog { void Info(string message); }

        public partial class BotHandlers(ILog log, HttpClient http)
        {
            [XWebhookHandler]
            public async ValueTask OnPost(PostCreated e, CancellationToken ct)
            {
                log.Info("post " + e.Payload.Text);
                var reply = await http.GetStringAsync("https://api.example.com/reply", ct).ConfigureAwait(false);
                var a = http.GetStringAsync("https://a.example.com", ct);
                var b = http.GetStringAsync("https://b.example.com", ct);
                await Task.WhenAll(a, b);
                var x = a.Result + b.Result + reply;
                await Task.Delay(100, ct);
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
                cts.CancelAfter(TimeSpan.FromSeconds(2));
                await Task.Run(() => x.Length, cts.Token).ConfigureAwait(false);
                Func<Task> later = async () => await Task.Delay(50, ct);
                await later();
            }

            [XWebhookHandler]
            public Task OnDirectMessage(PostCreated dm, XDelivery delivery, CancellationToken ct) =>
                http.PostAsync("https://api.example.com/dm", new StringContent(dm.Payload.Text), ct);

            [XWebhookHandler]
            public void OnMatchedPost(PostCreated post)
            {
                var words = post.Payload.Text.Split(' ');
                var count = 0;
                foreach (var word in words) { if (word.StartsWith('#')) { count++; } }
                log.Info(Helpers.Describe(count));
            }
        }

        public static class Helpers
        {
            public static string Describe(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public static class Setup
        {
            public static void Options(XWebhooksOptions o, string secretFromConfig)
            {
                o.ConsumerSecret = secretFromConfig;
                o.ResponseBudget = TimeSpan.FromSeconds(3);
            }

            public static void Map(IEndpointRouteBuilder app, byte[] key)
            {
                app.MapGet("/crc", (string crc_token) => XCrc.IsValidToken(crc_token) ? XCrc.ComputeResponseToken(key, crc_token) : "");
                app.MapPost("/health", (HttpContext c) => c.Response.StatusCode = 200);
                app.MapPost("/manual", (HttpContext c) =>
                {
                    var body = new byte[16];
                    return XWebhookSignature.Verify(c.Request.Headers[XWebhookSignature.HeaderName], body, key) ? 200 : 401;
                });
            }

            public static bool Compare(byte[] expectedHmac, byte[] actual) => CryptographicOperations.FixedTimeEquals(expectedHmac, actual);
        }
        """;

    [Fact]
    public async Task Sample_style_code_has_no_diagnostics()
    {
        var test = new AllAnalyzersTest
        {
            TestCode = SampleStyle,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        await test.RunAsync();
    }
}
