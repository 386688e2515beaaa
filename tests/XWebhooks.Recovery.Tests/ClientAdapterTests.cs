using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace XWebhooks.Recovery.Tests;

/// <summary>The seam over the real <c>XWebhooksClient</c> (HTTP stubbed): validity lookup and the sorting of X's replay answers.</summary>
public sealed class ClientAdapterTests : IDisposable
{
    private const string WebhookId = "1146654567674912769";
    private static readonly DateTimeOffset From = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly StubXHandler x = new();
    private readonly ServiceProvider services;

    public ClientAdapterTests()
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddXWebhooks(o => o.ConsumerSecret = "s").AddGapRecovery(); // registers the seam
        collection.AddXWebhooksClient(o => o.BearerToken = "test-bearer").ConfigurePrimaryHttpMessageHandler(() => x);
        services = collection.BuildServiceProvider();
    }

    private IXWebhookManagement Management => services.GetRequiredService<IXWebhookManagement>();

    public void Dispose() => services.Dispose();

    [Fact]
    public void Without_a_client_the_seam_is_unavailable()
    {
        using var bare = new ServiceCollection().AddLogging().AddXWebhooks(o => o.ConsumerSecret = "s").AddGapRecovery().Services.BuildServiceProvider();
        Assert.False(bare.GetRequiredService<IXWebhookManagement>().IsAvailable);
        Assert.True(Management.IsAvailable);
    }

    [Fact]
    public async Task Webhook_validity_comes_from_the_list()
    {
        x.Answers["GET /2/webhooks"] = (HttpStatusCode.OK, """{"data":[{"id":"1","url":"https://a.example/x","valid":true},{"id":"WEBHOOK","url":"https://b.example/x","valid":false}],"meta":{"result_count":2}}""".Replace("WEBHOOK", WebhookId, StringComparison.Ordinal));
        Assert.False(await Management.GetWebhookValidAsync(WebhookId, CancellationToken.None));
        Assert.True(await Management.GetWebhookValidAsync("1", CancellationToken.None));
        Assert.Null(await Management.GetWebhookValidAsync("2", CancellationToken.None));
    }

    [Fact]
    public async Task Created_job_returns_its_id_and_sends_whole_minutes()
    {
        x.Answers["POST /2/webhooks/replay"] = (HttpStatusCode.OK, """{"data":{"job_id":"1915510368169844736","created_at":"2026-11-28T12:00:00.000Z"}}""");
        var result = await Management.CreateReplayJobAsync(WebhookId, From, From.AddHours(2), CancellationToken.None);

        Assert.Equal(new ReplayRequestResult(ReplayRequestOutcome.Created, "1915510368169844736", null), result);
        var body = Assert.Single(x.Calls).Body;
        Assert.Contains("\"from_date\":\"202611281000\"", body);
        Assert.Contains("\"to_date\":\"202611281200\"", body);
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, """{"title":"ReplayConflictError","detail":"A replay job is already in progress for the specified webhook"}""", (int)ReplayRequestOutcome.Conflict)]
    [InlineData(HttpStatusCode.BadRequest, """{"errors":[{"message":"from_date must be within the last 24 hours","title":"QueryParamInvalid"}]}""", (int)ReplayRequestOutcome.InvalidWindow)]
    [InlineData(HttpStatusCode.BadRequest, """{"title":"WebhookIdInvalid","detail":"No such webhook"}""", (int)ReplayRequestOutcome.Rejected)]
    public async Task Refusals_are_sorted_by_reason(HttpStatusCode status, string json, int expected)
    {
        x.Answers["POST /2/webhooks/replay"] = (status, json);
        var result = await Management.CreateReplayJobAsync(WebhookId, From, From.AddHours(2), CancellationToken.None);
        Assert.Equal((ReplayRequestOutcome)expected, result.Outcome);
        Assert.NotNull(result.Detail);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Server_errors_and_rate_limits_throw_so_gap_recovery_tries_again(HttpStatusCode status)
    {
        x.Answers["POST /2/webhooks/replay"] = (status, """{"title":"try later"}""");
        await Assert.ThrowsAnyAsync<Exception>(() => Management.CreateReplayJobAsync(WebhookId, From, From.AddHours(2), CancellationToken.None));
    }
}
