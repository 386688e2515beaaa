using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using XWebhooks.Health;
using XWebhooks.Hosting;
using XWebhooks.Security;

namespace XWebhooks.Tests.Hosting;

/// <summary>The signature step of the delivery path, on request headers as Kestrel hands them over.</summary>
public sealed class DeliverySignatureGateTests
{
    private const string SignedWithTest = "sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"test_number":1,"test_string":"two"}""");

    private static (DeliverySignatureGate Gate, XWebhooksHealthState Health) Create(XSignatureVerifier verifier)
    {
        var health = new XWebhooksHealthState(TimeProvider.System, Options.Create(new XWebhooksHealthCheckOptions()));
        return (new DeliverySignatureGate(verifier, new XWebhookObservers([health]), NullLogger<DeliverySignatureGate>.Instance), health);
    }

    private static HeaderDictionary Headers(string? classic, string? oauth2)
    {
        var headers = new HeaderDictionary();
        if (classic is not null)
        {
            headers[XWebhookSignature.HeaderName] = classic;
        }

        if (oauth2 is not null)
        {
            headers["X-Twitter-Webhooks-Signature-OAuth2"] = oauth2;
        }

        return headers;
    }

    [Fact]
    public void Outcomes_of_either_header_are_counted_for_the_health_check_and_an_unconfigured_oauth2_header_is_a_failure()
    {
        var (gate, health) = Create(new XSignatureVerifier("test", null, "test"));
        var (classicOnlyGate, classicOnlyHealth) = Create(new XSignatureVerifier("consumer"));

        Assert.True(gate.Accepts(Headers(null, SignedWithTest), Body));
        Assert.True(gate.Accepts(Headers(SignedWithTest, null), Body));
        Assert.False(gate.Accepts(Headers(SignedWithTest, "sha256=AAAA"), Body));
        Assert.False(gate.Accepts(Headers(null, null), Body));
        Assert.False(classicOnlyGate.Accepts(Headers(null, SignedWithTest), Body));

        Assert.Equal((2L, 1L), health.SignatureCounts());
        Assert.Equal((0L, 1L), classicOnlyHealth.SignatureCounts());
    }

    [Fact]
    public void The_signature_step_does_not_allocate_for_either_header()
    {
        var (gate, _) = Create(new XSignatureVerifier("test", "second", "test", "second-oauth2"));
        HeaderDictionary[] requests = [Headers(SignedWithTest, null), Headers(null, SignedWithTest), Headers(SignedWithTest, SignedWithTest), Headers(null, "sha256=AAAA")];
        foreach (var headers in requests)
        {
            gate.Accepts(headers, Body);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            foreach (var headers in requests)
            {
                gate.Accepts(headers, Body);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
