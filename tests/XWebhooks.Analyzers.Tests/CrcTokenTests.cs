using V = XWebhooks.Analyzers.Tests.Verify<XWebhooks.Analyzers.CrcTokenAnalyzer>;

namespace XWebhooks.Analyzers.Tests;

public class CrcTokenTests
{
    private static string Code(string body) => $$"""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using System.Text.RegularExpressions;
        using Microsoft.AspNetCore.Http;
        using XWebhooks.Security;

        public static class Crc
        {
            public static string Answer(HttpContext context, byte[] key, string crc_token)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("var token = context.Request.Query[\"crc_token\"]; var mac = {|#0:HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(token))|}; return Convert.ToBase64String(mac);", "HMACSHA256.HashData", "token")]
    [InlineData("return {|#0:XWebhookSignature.Compute(key, Encoding.UTF8.GetBytes(crc_token))|};", "XWebhookSignature.Compute", "crc_token")]
    [InlineData("using var h = new HMACSHA256(key); return Convert.ToBase64String({|#0:h.ComputeHash(Encoding.UTF8.GetBytes(context.Request.Query[\"crc_token\"]))|});", "HMACSHA256.ComputeHash", "crc_token")]
    public async Task Reports_hmac_of_unvalidated_crc_token(string body, string method, string token)
    {
        await V.Analyzer(Code(body), V.Diagnostic(RuleIds.UnvalidatedCrcToken).WithLocation(0).WithArguments(method, token));
    }

    [Theory]
    [InlineData("if (!XCrc.IsValidToken(crc_token)) { return \"\"; } return XWebhookSignature.Compute(key, Encoding.UTF8.GetBytes(crc_token));")]
    [InlineData("var token = context.Request.Query[\"crc_token\"]; if (!Regex.IsMatch(token, \"^[A-Za-z0-9+/=_-]{1,256}$\")) { return \"\"; } return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(token)));")]
    [InlineData("return XCrc.ComputeResponseToken(key, crc_token);")]
    [InlineData("return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(\"body\")));")]
    public async Task Ignores_validated_or_unrelated_hmacs(string body)
    {
        await V.Analyzer(Code(body));
    }
}
