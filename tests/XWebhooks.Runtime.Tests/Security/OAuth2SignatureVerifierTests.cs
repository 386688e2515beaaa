using System.Text;
using XWebhooks.Security;

namespace XWebhooks.Tests.Security;

/// <summary>
/// Which header decides when a POST carries x-twitter-webhooks-signature, x-twitter-webhooks-signature-oauth2, both
/// or neither. <see cref="SignedWithTest"/> is the reference vector for the key "test" (reference §10), so each
/// header is valid exactly when the secret it is checked with is "test".
/// </summary>
public sealed class OAuth2SignatureVerifierTests
{
    private const string SignedWithTest = "sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=";
    private const string SignedWithOther = "sha256=25Cu3iwbbiqBTwQRzcKJZwisjf736V2Q8UaTlkfLSoc=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"test_number":1,"test_string":"two"}""");

    /// <summary>Consumer secret "consumer", OAuth 2.0 client secret "test": only the OAuth2 header can be valid.</summary>
    private static readonly XSignatureVerifier OAuth2Keyed = new("consumer", null, "test");

    /// <summary>Consumer secret "test", OAuth 2.0 client secret "oauth2": only the classic header can be valid.</summary>
    private static readonly XSignatureVerifier ClassicKeyed = new("test", null, "oauth2");

    /// <summary>Consumer secret "test" and no OAuth 2.0 client secret.</summary>
    private static readonly XSignatureVerifier ClassicOnly = new("test");

    [Fact]
    public void OAuth2_header_alone_is_verified_with_the_oauth2_client_secret() =>
        Assert.Equal(new XSignatureResult(XSignatureHeader.OAuth2, XSignatureCheck.ValidPrimary), OAuth2Keyed.Verify("", SignedWithTest, Body));

    [Fact]
    public void Classic_header_alone_is_verified_with_the_consumer_secret_as_before() =>
        Assert.Equal(new XSignatureResult(XSignatureHeader.Classic, XSignatureCheck.ValidPrimary), ClassicKeyed.Verify(SignedWithTest, "", Body));

    [Fact]
    public void Both_valid_headers_are_accepted_by_the_oauth2_one()
    {
        var verifier = new XSignatureVerifier("test", null, "test");
        Assert.Equal(new XSignatureResult(XSignatureHeader.OAuth2, XSignatureCheck.ValidPrimary), verifier.Verify(SignedWithTest, SignedWithTest, Body));
    }

    [Fact]
    public void Neither_header_is_missing() =>
        Assert.Equal(new XSignatureResult(XSignatureHeader.Classic, XSignatureCheck.Missing), OAuth2Keyed.Verify("", " ", Body));

    [Fact]
    public void A_wrong_oauth2_header_is_refused_even_with_a_valid_classic_header()
    {
        var result = ClassicKeyed.Verify(SignedWithTest, SignedWithTest, Body);

        Assert.Equal(new XSignatureResult(XSignatureHeader.OAuth2, XSignatureCheck.Mismatch), result);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void A_malformed_oauth2_header_is_refused_even_with_a_valid_classic_header() =>
        Assert.Equal(new XSignatureResult(XSignatureHeader.OAuth2, XSignatureCheck.Malformed), ClassicKeyed.Verify(SignedWithTest, "sha256=AAAA", Body));

    [Fact]
    public void A_wrong_classic_header_alone_is_refused() =>
        Assert.Equal(new XSignatureResult(XSignatureHeader.Classic, XSignatureCheck.Mismatch), OAuth2Keyed.Verify(SignedWithTest, "", Body));

    [Fact]
    public void A_valid_oauth2_header_decides_over_a_wrong_classic_header() =>
        Assert.Equal(new XSignatureResult(XSignatureHeader.OAuth2, XSignatureCheck.ValidPrimary), OAuth2Keyed.Verify(SignedWithOther, SignedWithTest, Body));

    [Fact]
    public void OAuth2_header_alone_without_an_oauth2_secret_is_secret_not_configured()
    {
        var result = ClassicOnly.Verify("", SignedWithTest, Body);

        Assert.Equal(new XSignatureResult(XSignatureHeader.OAuth2, XSignatureCheck.SecretNotConfigured), result);
        Assert.False(result.IsValid);
        Assert.False(ClassicOnly.VerifiesOAuth2Header);
    }

    [Theory]
    [InlineData(SignedWithTest, XSignatureCheck.ValidPrimary)]
    [InlineData(SignedWithOther, XSignatureCheck.Mismatch)]
    public void OAuth2_header_without_an_oauth2_secret_leaves_the_decision_to_the_classic_header(string classic, XSignatureCheck expected) =>
        Assert.Equal(new XSignatureResult(XSignatureHeader.Classic, expected), ClassicOnly.Verify(classic, SignedWithOther, Body));

    [Fact]
    public void Secondary_oauth2_secret_is_accepted_during_its_rotation()
    {
        var verifier = new XSignatureVerifier("consumer", null, "new-oauth2", "test");

        Assert.Equal(new XSignatureResult(XSignatureHeader.OAuth2, XSignatureCheck.ValidSecondary), verifier.Verify("", SignedWithTest, Body));
        Assert.Equal(new XSignatureResult(XSignatureHeader.OAuth2, XSignatureCheck.Mismatch), verifier.Verify("", SignedWithOther, Body));
    }

    [Fact]
    public void Consumer_secrets_never_verify_the_oauth2_header()
    {
        var verifier = new XSignatureVerifier("test", "test", "oauth2");
        Assert.Equal(new XSignatureResult(XSignatureHeader.OAuth2, XSignatureCheck.Mismatch), verifier.Verify("", SignedWithTest, Body));
    }

    [Fact]
    public void Crc_is_answered_with_the_consumer_secret_by_default()
    {
        // Reference vector: HMAC-SHA256(key "test", "foo").
        var verifier = new XSignatureVerifier("test", null, "oauth2");

        Assert.Equal(XCrcSecret.ConsumerSecret, verifier.CrcSecret);
        Assert.Equal("""{"response_token":"sha256=HlU5y5rWhNi1SHftUCyOxuT6JRuDqeVBKWp1yvldR04="}""", Encoding.ASCII.GetString(verifier.CreateCrcResponseBody("foo")));
    }

    [Fact]
    public void Crc_is_answered_with_the_oauth2_client_secret_when_configured()
    {
        var verifier = new XSignatureVerifier("consumer", null, "test", crcSecret: XCrcSecret.OAuth2ClientSecret);
        Assert.Equal("""{"response_token":"sha256=HlU5y5rWhNi1SHftUCyOxuT6JRuDqeVBKWp1yvldR04="}""", Encoding.ASCII.GetString(verifier.CreateCrcResponseBody("foo")));
    }

    [Fact]
    public void Crc_with_an_oauth2_secret_that_is_not_given_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new XSignatureVerifier("consumer", null, null, crcSecret: XCrcSecret.OAuth2ClientSecret));
        Assert.Equal("crcSecret", ex.ParamName);
    }

    [Fact]
    public void A_secondary_oauth2_secret_without_the_primary_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new XSignatureVerifier("consumer", null, null, "old-oauth2"));
        Assert.Equal("secondaryOAuth2ClientSecret", ex.ParamName);
    }

    [Fact]
    public void Verifying_either_header_does_not_allocate()
    {
        var verifier = new XSignatureVerifier("test", "second", "test", "second-oauth2");
        (string Classic, string OAuth2)[] cases =
        [
            (SignedWithTest, ""),
            ("", SignedWithTest),
            (SignedWithTest, SignedWithTest),
            (SignedWithOther, SignedWithOther),
            ("", ""),
            ("", "sha256=AAAA"),
        ];
        foreach (var (classic, oauth2) in cases)
        {
            verifier.Verify(classic, oauth2, Body);
            ClassicOnly.Verify(classic, oauth2, Body);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            foreach (var (classic, oauth2) in cases)
            {
                verifier.Verify(classic, oauth2, Body);
                ClassicOnly.Verify(classic, oauth2, Body);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
