namespace XWebhooks.Management.Tests.SameClientTests;

/// <summary>The same client scenario passes against the emulator and against X's recorded (documented) answers.</summary>
public sealed class SameClientTestsAgainstBoth
{
    [Fact]
    public async Task The_client_scenario_passes_against_the_emulator()
    {
        await using var x = await EmulatedX.StartAsync();

        await ClientScenario.RunAsync(x.Client(), x.Receiver.Url, EmulatedX.UserToken, EmulatedX.UserId);
    }

    [Fact]
    public async Task The_client_scenario_passes_against_xs_recorded_answers()
    {
        var recorded = RecordedXAnswers.Queue();

        await ClientScenario.RunAsync(StubHandler.Client(recorded), RecordedXAnswers.WebhookUrl, "user-token", RecordedXAnswers.UserId);

        Assert.Equal(18, recorded.Requests.Count); // every recorded answer was asked for
    }
}
