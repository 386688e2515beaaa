using System.Net.Http.Headers;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using XWebhooks.Security;
using XWebhooks.Testing;

namespace XWebhooks.Emulator;

/// <summary>
/// Sends signed deliveries as X does: exactly 200 is success; another status, a timeout or a connection error is
/// retried after each of <see cref="XEmulatorOptions.RetryDelays"/>, then the delivery has failed. Invalid webhooks
/// get nothing. Every attempt is logged.
/// </summary>
internal sealed class DeliveryEngine(EmulatorState state, HttpClient http, XEmulatorOptions options, TimeProvider time, ILogger logger, CancellationToken stopping)
{
    public event Action<XEmulatorDelivery>? Completed;

    /// <summary>Logs a delivery of <paramref name="body"/> to <paramref name="webhook"/> and sends it in the background.</summary>
    public DeliveryRecord Start(EmulatedWebhook webhook, string kind, byte[] body, bool isReplay) =>
        Start(webhook, kind, body, isReplay, out _);

    /// <summary>As <see cref="Start(EmulatedWebhook, string, byte[], bool)"/>; <paramref name="sending"/> ends with the delivery.</summary>
    public DeliveryRecord Start(EmulatedWebhook webhook, string kind, byte[] body, bool isReplay, out Task sending)
    {
        var record = new DeliveryRecord(state.NewId(), webhook.Id, webhook.Url, kind, body, time.GetUtcNow(), isReplay);
        bool valid;
        lock (state.Gate)
        {
            valid = webhook.Valid;
            record.State = valid ? XEmulatorDeliveryState.Pending : XEmulatorDeliveryState.Skipped;
            state.Deliveries.Add(record);
        }

        if (!valid)
        {
            EmulatorLog.Ended(logger, record.Id, kind, webhook.Id, XEmulatorDeliveryState.Skipped);
            Completed?.Invoke(Snapshot(record));
            sending = Task.CompletedTask;
            return record;
        }

        sending = Task.Run(() => SendAsync(webhook, record));
        return record;
    }

    private async Task SendAsync(EmulatedWebhook webhook, DeliveryRecord record)
    {
        var signatures = Sign(record.Body);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                lock (state.Gate)
                {
                    if (!webhook.Valid || state.FindWebhook(webhook.Id) is null)
                    {
                        // Became invalid (or was deleted) during the retries: X stops sending.
                        record.State = XEmulatorDeliveryState.Failed;
                        break;
                    }
                }

                var result = await PostAsync(record, signatures).ConfigureAwait(false);
                lock (state.Gate)
                {
                    record.Attempts.Add(result);
                    if (result.Status == 200)
                    {
                        record.State = XEmulatorDeliveryState.Delivered;
                    }
                }

                EmulatorLog.Attempted(logger, record.Id, record.EventKind, record.WebhookId, attempt + 1, result.Error ?? "200", result.Latency.TotalMilliseconds);
                if (result.Status == 200)
                {
                    break;
                }

                if (attempt >= options.RetryDelays.Count)
                {
                    lock (state.Gate)
                    {
                        record.State = XEmulatorDeliveryState.Failed;
                    }

                    break;
                }

                await Task.Delay(options.RetryDelays[attempt], time, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }

        if (record.State != XEmulatorDeliveryState.Delivered)
        {
            EmulatorLog.Ended(logger, record.Id, record.EventKind, record.WebhookId, record.State);
        }

        Completed?.Invoke(Snapshot(record));
    }

    /// <summary>The signature headers <see cref="XEmulatorOptions.SignatureHeaders"/> asks for, computed once per delivery.</summary>
    private (string Name, string Value)[] Sign(byte[] body) => options.SignatureHeaders switch
    {
        XEmulatorSignatureHeaders.OAuth2 => [(XWebhookSignature.OAuth2HeaderName, XWebhookTestKit.Sign(body, options.OAuth2ClientSecret!))],
        XEmulatorSignatureHeaders.Both =>
        [
            (XWebhookSignature.HeaderName, XWebhookTestKit.Sign(body, options.ConsumerSecret)),
            (XWebhookSignature.OAuth2HeaderName, XWebhookTestKit.Sign(body, options.OAuth2ClientSecret!)),
        ],
        _ => [(XWebhookSignature.HeaderName, XWebhookTestKit.Sign(body, options.ConsumerSecret))],
    };

    private async Task<XEmulatorAttempt> PostAsync(DeliveryRecord record, (string Name, string Value)[] signatures)
    {
        var at = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.DeliveryTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, record.Url) { Content = new ByteArrayContent(record.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            foreach (var (name, value) in signatures)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return new(at, status, Stopwatch.GetElapsedTime(started), status == 200 ? null : $"status {status}");
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new(at, null, Stopwatch.GetElapsedTime(started), $"no answer within {options.DeliveryTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return new(at, null, Stopwatch.GetElapsedTime(started), "could not connect: " + ex.Message);
        }
    }

    /// <summary>The <c>replay_job_status</c> message X sends when a replay job ends.</summary>
    public static byte[] ReplayStatusBody(string webhookId, string jobId, bool complete)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("replay_job_status");
            writer.WriteString("webhook_id", webhookId);
            writer.WriteString("job_state", complete ? "Complete" : "Incomplete");
            writer.WriteString("job_state_description", complete ? "Job completed successfully" : "Job failed to deliver all events, please retry your replay job");
            writer.WriteString("job_id", jobId);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private XEmulatorDelivery Snapshot(DeliveryRecord record)
    {
        lock (state.Gate)
        {
            return record.Snapshot();
        }
    }
}
