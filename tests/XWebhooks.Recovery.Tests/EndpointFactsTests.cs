using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using XWebhooks.Health;
using XWebhooks.Sqlite;
using XWebhooks.Testing;

namespace XWebhooks.Recovery.Tests;

/// <summary>Through a real Kestrel: the endpoints feed the health state and the watermark, and the watermark reaches SQLite.</summary>
public sealed class EndpointFactsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("xwh-facts-").FullName;
    private readonly HttpClient client = new();

    private string DatabasePath => Path.Combine(directory, "inbox.db");

    public void Dispose()
    {
        client.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Crc_signatures_and_acknowledged_deliveries_are_observed_and_the_watermark_is_stored_on_stop()
    {
        var before = DateTimeOffset.UtcNow;
        var receiver = await TestReceiver.StartAsync(new()
        {
            Configure = x =>
            {
                x.Services.AddSingleton<HandledEvents>();
                x.AddSqliteInbox(o => o.Path = DatabasePath, w => w.PollInterval = TimeSpan.FromMilliseconds(100));
                x.AddGapRecovery();
                x.Services.AddHealthChecks().AddXWebhooksHealthCheck();
            },
        });
        await using (receiver)
        {
            var state = receiver.Services.GetRequiredService<XWebhooksHealthState>();
            var recorder = receiver.Services.GetRequiredService<DeliveryWatermarkRecorder>();

            using (var crc = await client.SendAsync(XWebhookTestKit.CreateCrcRequest(receiver.Url, XWebhookTestKit.CreateCrcToken())))
            {
                Assert.Equal(HttpStatusCode.OK, crc.StatusCode);
            }

            Assert.NotNull(state.LastCrcAnsweredAt);

            var body = Encoding.UTF8.GetBytes("""{"data":{"event_uuid":"facts-1","event_type":"post.create","payload":{"id":"1","text":"hi"}}}""");
            using (var forged = await client.SendAsync(XWebhookTestKit.CreateSignedPost(receiver.Url, body, "not-the-secret")))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            }

            Assert.Null(recorder.Latest); // a refused delivery does not move the watermark

            using (var real = await client.SendAsync(XWebhookTestKit.CreateSignedPost(receiver.Url, body, TestReceiver.DefaultSecret)))
            {
                Assert.Equal(HttpStatusCode.OK, real.StatusCode);
            }

            Assert.Equal((1L, 1L), state.SignatureCounts());
            Assert.NotNull(recorder.Latest);
            Assert.InRange(recorder.Latest.Value, before, DateTimeOffset.UtcNow);
            await Poll.UntilAsync(() => receiver.Services.GetRequiredService<HandledEvents>().Uuids.Contains("facts-1"), "the inbox worker handled the delivery");

            var report = await receiver.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Healthy, report.Status);
            Assert.Equal(1L, report.Entries["xwebhooks"].Data["signature_failures"]);
        }

        // Stopped: the final flush wrote the watermark into the inbox file.
        await using var inbox = new SqliteWebhookInbox(new XWebhooksSqliteOptions { Path = DatabasePath });
        var stored = await new SqliteDeliveryWatermark(inbox).GetLastReceivedAsync(CancellationToken.None);
        Assert.NotNull(stored);
        Assert.InRange(stored.Value, before.AddMilliseconds(-1), DateTimeOffset.UtcNow);
    }
}
