using System.Text;
using XWebhooks.Security;

namespace XWebhooks.Tests.Security;

/// <summary>Every vector of the protocol reference §10 (recomputed there with Python hmac/hashlib/base64).</summary>
public sealed class SignatureVectorTests
{
    public static TheoryData<string, string, string> Vectors => new()
    {
        { "test", "test=1&other_test=2", "sha256=25Cu3iwbbiqBTwQRzcKJZwisjf736V2Q8UaTlkfLSoc=" },
        { "test", """{"test_number":1,"test_string":"two"}""", "sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=" },
        { "test", "foo", "sha256=HlU5y5rWhNi1SHftUCyOxuT6JRuDqeVBKWp1yvldR04=" },
        { "test", "OWY4ODQ2ZjgtNDljMC00NDY2LWJhMGQtYTE4NzQ0MTM2OGFi", "sha256=Nk1nBZtnvSQx0hh1cPXzMpDNwAVLvWv3Mb5YkY0dWh0=" },
        { "test", "crc_token=OWY4ODQ2ZjgtNDljMC00NDY2LWJhMGQtYTE4NzQ0MTM2OGFi&nonce=MTQ4Nzk3OTc0NDI1MA", "sha256=GSTniP78TVph2QcoTebn7jeefouzSJ5u6rFai72zZjM=" },
        { "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu", "9b4507b3-9040-4669-9ca3-6b94edb50553", "sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Compute_matches_reference_vector(string secret, string message, string expected) =>
        Assert.Equal(expected, XWebhookSignature.Compute(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_accepts_reference_vector(string secret, string message, string expected) =>
        Assert.True(XWebhookSignature.Verify(expected, Encoding.UTF8.GetBytes(message), Encoding.UTF8.GetBytes(secret)));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_rejects_a_one_byte_change_of_the_message(string secret, string message, string expected)
    {
        var tampered = Encoding.UTF8.GetBytes(message);
        tampered[^1] ^= 1;
        Assert.False(XWebhookSignature.Verify(expected, tampered, Encoding.UTF8.GetBytes(secret)));
    }

    [Fact]
    public void Crc_response_token_matches_reference_vectors()
    {
        var key = Encoding.UTF8.GetBytes("test");
        Assert.Equal("sha256=HlU5y5rWhNi1SHftUCyOxuT6JRuDqeVBKWp1yvldR04=", XCrc.ComputeResponseToken(key, "foo"));
        Assert.Equal("sha256=Nk1nBZtnvSQx0hh1cPXzMpDNwAVLvWv3Mb5YkY0dWh0=", XCrc.ComputeResponseToken(key, "OWY4ODQ2ZjgtNDljMC00NDY2LWJhMGQtYTE4NzQ0MTM2OGFi"));
        Assert.Equal(
            "sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=",
            XCrc.ComputeResponseToken(Encoding.UTF8.GetBytes("z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu"), "9b4507b3-9040-4669-9ca3-6b94edb50553"));
    }

    [Fact]
    public void Crc_response_body_is_the_documented_json() =>
        Assert.Equal(
            """{"response_token":"sha256=HlU5y5rWhNi1SHftUCyOxuT6JRuDqeVBKWp1yvldR04="}""",
            Encoding.UTF8.GetString(XCrc.CreateResponseBody("test"u8, "foo")));
}
