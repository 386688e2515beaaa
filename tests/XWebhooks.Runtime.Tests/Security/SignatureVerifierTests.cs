using System.Text;
using XWebhooks.Security;

namespace XWebhooks.Tests.Security;

public sealed class SignatureVerifierTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"test_number":1,"test_string":"two"}""");

    [Fact]
    public void Primary_secret_signature_is_valid_primary()
    {
        var verifier = new XSignatureVerifier("test");
        Assert.Equal(XSignatureCheck.ValidPrimary, verifier.Verify("sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=", Body));
    }

    [Fact]
    public void Secondary_secret_signature_is_accepted_during_rotation()
    {
        var verifier = new XSignatureVerifier("new-secret", secondaryConsumerSecret: "test");
        Assert.Equal(XSignatureCheck.ValidSecondary, verifier.Verify("sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=", Body));
    }

    [Fact]
    public void Prefix_case_is_ignored()
    {
        var verifier = new XSignatureVerifier("test");
        Assert.Equal(XSignatureCheck.ValidPrimary, verifier.Verify("SHA256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=", Body));
    }

    [Theory]
    [InlineData("", XSignatureCheck.Missing)]
    [InlineData("   ", XSignatureCheck.Missing)]
    [InlineData("YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=", XSignatureCheck.Malformed)]
    [InlineData("sha1=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=", XSignatureCheck.Malformed)]
    [InlineData("sha256=not base64!", XSignatureCheck.Malformed)]
    [InlineData("sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8Jhl", XSignatureCheck.Malformed)]
    [InlineData("sha256=AAAA", XSignatureCheck.Malformed)]
    [InlineData("sha256=25Cu3iwbbiqBTwQRzcKJZwisjf736V2Q8UaTlkfLSoc=", XSignatureCheck.Mismatch)]
    public void Bad_headers_are_classified(string header, XSignatureCheck expected) =>
        Assert.Equal(expected, new XSignatureVerifier("test").Verify(header, Body));

    [Fact]
    public void Signature_of_another_secret_is_a_mismatch() =>
        Assert.Equal(XSignatureCheck.Mismatch, new XSignatureVerifier("other").Verify("sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=", Body));

    [Fact]
    public void Verification_does_not_allocate()
    {
        var verifier = new XSignatureVerifier("test", "second");
        const string header = "sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=";
        verifier.Verify(header, Body);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            verifier.Verify(header, Body);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_blank_primary_secret_is_refused() =>
        Assert.Throws<ArgumentException>(() => new XSignatureVerifier(" "));
}
