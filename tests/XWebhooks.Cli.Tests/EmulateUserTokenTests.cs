using XWebhooks.Cli.Commands;

namespace XWebhooks.Cli.Tests;

/// <summary><c>xwebhooks emulate --user-token TOKEN=USER_ID</c> (repeatable).</summary>
public sealed class EmulateUserTokenTests
{
    [Fact]
    public void Each_value_names_a_token_and_the_numeric_user_it_acts_for()
    {
        var tokens = EmulateCommand.ParseUserTokens(["alice-token=2244994945", "b64==x=783214"]);

        Assert.Equal(new Dictionary<string, string> { ["alice-token"] = "2244994945", ["b64==x"] = "783214" }, tokens);
    }

    [Theory]
    [InlineData("no-user-id")]
    [InlineData("=2244994945")]
    [InlineData("token=")]
    [InlineData("token=alice")]
    [InlineData("token=12345678901234567890")]
    public void A_value_without_a_token_and_a_numeric_user_id_is_a_usage_error(string value)
    {
        var error = Assert.Throws<UsageException>(() => EmulateCommand.ParseUserTokens([value]));

        Assert.Contains("TOKEN=USER_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_token_twice_is_a_usage_error()
    {
        Assert.Throws<UsageException>(() => EmulateCommand.ParseUserTokens(["t=1", "t=2"]));
    }
}
