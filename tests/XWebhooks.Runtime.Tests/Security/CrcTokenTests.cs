using System.Text;
using XWebhooks.Security;

namespace XWebhooks.Tests.Security;

public sealed class CrcTokenTests
{
    [Theory]
    [InlineData("foo")]
    [InlineData("9b4507b3-9040-4669-9ca3-6b94edb50553")]
    [InlineData("OWY4ODQ2ZjgtNDljMC00NDY2LWJhMGQtYTE4NzQ0MTM2OGFi")]
    [InlineData("a+b/c=d_e-f")]
    public void Token_shaped_values_are_accepted(string token) => Assert.True(XCrc.IsValidToken(token));

    [Theory]
    [InlineData("")]
    [InlineData("""{"for_user_id":"1","tweet_create_events":[]}""")]
    [InlineData("has space")]
    [InlineData("quote\"")]
    [InlineData("brace{")]
    [InlineData("ünicode")]
    [InlineData("new\nline")]
    public void Values_that_are_not_token_shaped_are_refused(string token) => Assert.False(XCrc.IsValidToken(token));

    [Fact]
    public void Length_limit_is_inclusive()
    {
        Assert.True(XCrc.IsValidToken(new string('a', XCrc.MaxTokenLength)));
        Assert.False(XCrc.IsValidToken(new string('a', XCrc.MaxTokenLength + 1)));
    }

    [Fact]
    public void Signing_a_json_body_as_a_crc_token_throws_instead_of_becoming_a_signing_oracle()
    {
        var forgedBody = """{"for_user_id":"1","direct_message_events":[]}""";
        var ex = Assert.Throws<ArgumentException>(() => XCrc.ComputeResponseToken(Encoding.UTF8.GetBytes("secret"), forgedBody));
        Assert.Contains("refusing to sign", ex.Message, StringComparison.Ordinal);
    }
}
