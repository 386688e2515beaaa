using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using XWebhooks.Testing;

namespace XWebhooks.EndToEnd.Tests;

/// <summary>
/// Schema drift through the generated dispatcher: its <c>Deserialize</c> hands the event to the runtime's lenient
/// reader with the request's services, so the handler gets the event and the drift is counted.
/// </summary>
public sealed class DriftThroughGeneratedDispatcherTests : IAsyncLifetime
{
    private TestReceiver receiver = null!;

    public async Task InitializeAsync() =>
        receiver = await TestReceiver.StartAsync(new() { Configure = xwebhooks => xwebhooks.Services.AddSingleton<Recorder>() });

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task A_drifted_post_text_reaches_the_generated_handler_empty_and_is_counted()
    {
        var body = JsonNode.Parse(XExamplePayloads.Get("activity/post.create"))!;
        body["data"]!["payload"]!["text"] = new JsonObject { ["rich"] = "Hello" };

        using var response = await receiver.PostAsync(Encoding.UTF8.GetBytes(body.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("OnPost", "2080761390344937796|2080761390344937796|1111111111111111111|")], receiver.Services.GetRequiredService<Recorder>().Calls);
        Assert.Equal(new Dictionary<string, long> { ["path=$.payload.text;product=activity;type=post.create"] = 1 }, receiver.Counters.TotalsOf("xwebhooks.events.drift"));
    }
}
