using System.Text.Json;

namespace XWebhooks.Emulator.Tests;

/// <summary>X's periodic CRC: on demand (<c>POST /emulator/crc</c>, <see cref="XEmulator.CheckWebhooksAsync"/>) and on a timer.</summary>
public sealed class PeriodicCrcTests
{
    private static async Task<bool> ValidAsync(EmulatorHarness x)
    {
        var (_, json) = await x.SendAsync(HttpMethod.Get, "/2/webhooks");
        return json.GetProperty("data")[0].GetProperty("valid").GetBoolean();
    }

    [Fact]
    public async Task A_failed_periodic_crc_makes_the_webhook_invalid_and_a_passed_one_valid_again()
    {
        await using var x = await EmulatorHarness.StartAsync();
        var id = await x.RegisterAsync();

        x.Receiver.AnswerCrcCorrectly = false;
        using var control = new HttpClient { BaseAddress = x.Emulator.BaseAddress };
        using var answer = await control.PostAsync("/emulator/crc", null);
        Assert.Equal(200, (int)answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var result = Assert.Single(json.RootElement.GetProperty("webhooks").EnumerateArray());
        Assert.Equal(id, result.GetProperty("id").GetString());
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Contains("response_token", result.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(await ValidAsync(x));

        var skipped = Assert.Single(await x.Emulator.TriggerAsync("post.create"));
        Assert.Equal(XEmulatorDeliveryState.Skipped, skipped.State);
        Assert.Empty(x.Receiver.Posts);

        x.Receiver.AnswerCrcCorrectly = true;
        var results = await x.Emulator.CheckWebhooksAsync();
        Assert.Null(results[id]);
        Assert.True(await ValidAsync(x));
    }

    [Fact]
    public async Task With_a_crc_interval_the_check_runs_by_itself()
    {
        await using var x = await EmulatorHarness.StartAsync(o => o.CrcInterval = TimeSpan.FromMilliseconds(100));
        await x.RegisterAsync();

        x.Receiver.AnswerCrcCorrectly = false;
        await Poll.UntilAsync(async () => !await ValidAsync(x), "the periodic CRC ran and found the wrong answer", TimeSpan.FromSeconds(20));
    }
}
