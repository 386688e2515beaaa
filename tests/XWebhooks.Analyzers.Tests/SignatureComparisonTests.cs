using XWebhooks.Analyzers.CodeFixes;
using V = XWebhooks.Analyzers.Tests.Verify<XWebhooks.Analyzers.SignatureComparisonAnalyzer>;

namespace XWebhooks.Analyzers.Tests;

public class SignatureComparisonTests
{
    private static string Code(string body) => $$"""
        using System;
        using System.Linq;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.AspNetCore.Http;
        using XWebhooks.Security;

        public static class Check
        {
            public static bool IsValid(HttpRequest request, byte[] body, byte[] key, string expectedSignature, byte[] expectedHmac)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("return {|#0:request.Headers[\"x-twitter-webhooks-signature\"] == expectedSignature|};", "==")]
    [InlineData("var computed = \"sha256=\" + Convert.ToBase64String(HMACSHA256.HashData(key, body)); return {|#0:computed != request.Headers[\"X-Twitter-Webhooks-Signature\"]|};", "!=")]
    [InlineData("return {|#0:request.Headers[\"x-twitter-webhooks-signature-oauth2\"] == \"sha256=\" + Convert.ToBase64String(key)|};", "==")]
    [InlineData("var expected = \"sha256=abc\"; return {|#0:expected != request.Headers[\"X-Twitter-Webhooks-Signature-OAuth2\"]|};", "!=")]
    [InlineData("string header = request.Headers[XWebhookSignature.OAuth2HeaderName]; return {|#0:string.Equals(header, \"sha256=abc\", StringComparison.Ordinal)|};", "string.Equals")]
    [InlineData("return {|#0:string.Equals(XWebhookSignature.Compute(key, body), request.Headers[\"x\"], StringComparison.Ordinal)|};", "string.Equals")]
    [InlineData("return {|#0:expectedSignature.Equals(request.Headers[\"x\"])|};", "Equals")]
    [InlineData("return {|#0:HMACSHA256.HashData(key, body).SequenceEqual(expectedHmac)|};", "SequenceEqual")]
    [InlineData("ReadOnlySpan<byte> digest = HMACSHA256.HashData(key, body); return {|#0:digest.SequenceEqual(expectedHmac)|};", "SequenceEqual")]
    public async Task Reports_variable_time_comparison_of_signatures(string body, string display)
    {
        await V.Analyzer(Code(body), V.Diagnostic(RuleIds.NonConstantTimeComparison).WithLocation(0).WithArguments(display));
    }

    [Theory]
    [InlineData("return request.Headers[\"content-type\"] == \"application/json\";")]
    [InlineData("return expectedSignature == null || expectedSignature.Length == 0;")]
    [InlineData("return XWebhookSignature.Verify(request.Headers[XWebhookSignature.HeaderName], body, key);")]
    [InlineData("return XWebhookSignature.Verify(request.Headers[XWebhookSignature.OAuth2HeaderName], body, key);")]
    [InlineData("return request.Headers[\"x-twitter-webhooks-signature-oauth3\"] == \"abc\";")]
    [InlineData("return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body), expectedHmac);")]
    [InlineData("var name = \"a\"; return name == \"b\" && body.SequenceEqual(key);")]
    public async Task Ignores_other_comparisons(string body)
    {
        await V.Analyzer(Code(body));
    }

    [Fact]
    public async Task Fix_uses_FixedTimeEquals_for_strings_and_bytes()
    {
        var source = Code("""
            var header = request.Headers[XWebhookSignature.HeaderName];
                    if ({|#0:expectedSignature != header|}) { return false; }
                    return {|#1:HMACSHA256.HashData(key, body).SequenceEqual(expectedHmac)|};
            """);
        var fixedSource = Code("""
            var header = request.Headers[XWebhookSignature.HeaderName];
                    if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expectedSignature), Encoding.UTF8.GetBytes(header))) { return false; }
                    return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body), expectedHmac);
            """);
        await V.CodeFix<SignatureComparisonCodeFixProvider>(
            source,
            fixedSource,
            V.Diagnostic(RuleIds.NonConstantTimeComparison).WithLocation(0).WithArguments("!="),
            V.Diagnostic(RuleIds.NonConstantTimeComparison).WithLocation(1).WithArguments("SequenceEqual"));
    }
}
