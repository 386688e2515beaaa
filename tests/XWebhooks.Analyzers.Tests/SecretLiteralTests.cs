using V = XWebhooks.Analyzers.Tests.Verify<XWebhooks.Analyzers.SecretLiteralAnalyzer>;

namespace XWebhooks.Analyzers.Tests;

public class SecretLiteralTests
{
    private static string Code(string body) => $$"""
        using System;
        using System.Collections.Generic;
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
    [InlineData("options.ConsumerSecret = {|#0:\"abc123\"|};", "XWebhooksOptions.ConsumerSecret")]
    [InlineData("options.SecondaryConsumerSecret = {|#0:Secret|};", "XWebhooksOptions.SecondaryConsumerSecret")]
    [InlineData("var o = new XWebhooksOptions { ConsumerSecret = {|#0:\"abc\"|} };", "XWebhooksOptions.ConsumerSecret")]
    [InlineData("Action<XWebhooksOptions> a = o => o.ConsumerSecret = {|#0:\"abc\"|};", "XWebhooksOptions.ConsumerSecret")]
    [InlineData("var v = new XSignatureVerifier({|#0:\"abc\"|});", "new XSignatureVerifier")]
    [InlineData("configuration[\"XWebhooks:ConsumerSecret\"] = {|#0:\"abc\"|};", "XWebhooks:ConsumerSecret")]
    [InlineData("var d = new Dictionary<string, string> { [\"XWebhooks__SecondaryConsumerSecret\"] = {|#0:\"abc\"|} };", "XWebhooks__SecondaryConsumerSecret")]
    [InlineData("options.OAuth2ClientSecret = {|#0:\"abc123\"|};", "XWebhooksOptions.OAuth2ClientSecret")]
    [InlineData("var o = new XWebhooksOptions { SecondaryOAuth2ClientSecret = {|#0:Secret|} };", "XWebhooksOptions.SecondaryOAuth2ClientSecret")]
    [InlineData("var v = new XSignatureVerifier(fromConfig, null, {|#0:\"abc\"|}, crcSecret: XCrcSecret.OAuth2ClientSecret);", "new XSignatureVerifier")]
    [InlineData("configuration[\"XWebhooks:OAuth2ClientSecret\"] = {|#0:\"abc\"|};", "XWebhooks:OAuth2ClientSecret")]
    [InlineData("var d = new Dictionary<string, string> { [\"XWebhooks__SecondaryOAuth2ClientSecret\"] = {|#0:\"abc\"|} };", "XWebhooks__SecondaryOAuth2ClientSecret")]
    public async Task Reports_literal_secrets(string body, string where)
    {
        await V.Analyzer(Code(body), V.Diagnostic(RuleIds.SecretLiteral).WithLocation(0).WithArguments(where));
    }

    [Theory]
    [InlineData("options.ConsumerSecret = fromConfig;")]
    [InlineData("options.ConsumerSecret = Environment.GetEnvironmentVariable(\"X_SECRET\");")]
    [InlineData("options.ConsumerSecret = \"\";")]
    [InlineData("options.ConsumerSecret = null;")]
    [InlineData("var v = new XSignatureVerifier(fromConfig, configuration[\"XWebhooks:SecondaryConsumerSecret\"]);")]
    [InlineData("configuration[\"XWebhooks:MaxBodyBytes\"] = \"1024\";")]
    [InlineData("options.OAuth2ClientSecret = fromConfig;")]
    [InlineData("var v = new XSignatureVerifier(fromConfig, null, configuration[\"XWebhooks:OAuth2ClientSecret\"], null, XCrcSecret.OAuth2ClientSecret);")]
    [InlineData("configuration[\"XWebhooks:CrcSecret\"] = \"OAuth2ClientSecret\";")]
    public async Task Ignores_secrets_from_configuration(string body)
    {
        await V.Analyzer(Code(body));
    }
}
