using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XWebhooks.Delivery;
using XWebhooks.Diagnostics;
using XWebhooks.Security;

namespace XWebhooks.Hosting;

/// <summary>
/// POST: the delivery path. Size limit (413) → body read once into a pooled buffer → signature verified over
/// the exact bytes (401, nothing parsed) → events located in one JSON pass (400 when the body is not a JSON
/// object) → handlers under the response budget → 200, or 500/503 so X redelivers.
/// </summary>
internal sealed class DeliveryEndpoint(
    IOptions<XWebhooksOptions> options,
    XSignatureVerifier verifier,
    IXWebhookDispatcher dispatcher,
    XWebhooksMetrics metrics,
    TimeProvider timeProvider,
    ILogger<DeliveryEndpoint> logger)
{
    private readonly XWebhooksOptions settings = options.Value;
    private readonly EventTypeNames eventTypeNames = new();

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var (status, outcome, product, reason) = await ReceiveAsync(context).ConfigureAwait(false);
        metrics.DeliveryCompleted(outcome, product, Stopwatch.GetElapsedTime(started));
        if (outcome == XWebhooksOutcomes.Aborted || context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        if (reason is not null)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(reason, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task<Result> ReceiveAsync(HttpContext context)
    {
        RequestBody? body;
        try
        {
            body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return new(0, XWebhooksOutcomes.Aborted, XProduct.Unknown, null);
        }

        if (body is null)
        {
            XWebhooksLog.BodyTooLarge(logger, settings.MaxBodyBytes);
            return new(StatusCodes.Status413PayloadTooLarge, XWebhooksOutcomes.TooLarge, XProduct.Unknown, $"The body exceeds {settings.MaxBodyBytes} bytes.");
        }

        var returnBuffer = true;
        try
        {
            var check = verifier.Verify(context.Request.Headers[XWebhookSignature.HeaderName].ToString(), body.Memory.Span);
            if (check is not (XSignatureCheck.ValidPrimary or XSignatureCheck.ValidSecondary))
            {
                XWebhooksLog.SignatureRefused(logger, check);
                return new(StatusCodes.Status401Unauthorized, XWebhooksOutcomes.Unauthorized, XProduct.Unknown, null);
            }

            if (check == XSignatureCheck.ValidSecondary)
            {
                XWebhooksLog.SecondarySecretUsed(logger);
            }

            List<RoutedEvent>? routed;
            XDelivery delivery;
            try
            {
                (routed, delivery) = Locate(body.Memory);
            }
            catch (XDeliveryFormatException ex)
            {
                XWebhooksLog.MalformedBody(logger, ex.Message);
                return new(StatusCodes.Status400BadRequest, XWebhooksOutcomes.Malformed, XProduct.Unknown, ex.Message);
            }

            if (routed is null)
            {
                return new(StatusCodes.Status200OK, XWebhooksOutcomes.Accepted, delivery.Product, null);
            }

            var (result, handlersStillRunning) = await DispatchWithinBudgetAsync(context, routed, delivery).ConfigureAwait(false);
            returnBuffer = !handlersStillRunning;
            return result;
        }
        finally
        {
            if (returnBuffer)
            {
                body.Return();
            }
        }
    }

    /// <summary>Reads every event before any handler runs, so a malformed tail cannot leave a half-handled delivery.</summary>
    private (List<RoutedEvent>? Routed, XDelivery Delivery) Locate(ReadOnlyMemory<byte> body)
    {
        List<RoutedEvent>? routed = null;
        var reader = new XDeliveryReader(body);
        while (reader.TryReadNext(out var payload))
        {
            var route = dispatcher.Route(payload.Product, payload.EventType.Span);
            var type = eventTypeNames.Get(payload.EventType.Span, out var firstSeen);
            if (route < 0)
            {
                metrics.EventCounted(payload.Product, type, XWebhooksOutcomes.Unhandled);
                if (firstSeen)
                {
                    XWebhooksLog.UnhandledEventType(logger, payload.Product, type);
                }

                continue;
            }

            (routed ??= []).Add(new RoutedEvent(route, payload, type));
        }

        return (routed, new XDelivery(reader.Product, body, timeProvider.GetUtcNow(), reader.ForUserId));
    }

    private async Task<(Result Result, bool HandlersStillRunning)> DispatchWithinBudgetAsync(HttpContext context, List<RoutedEvent> routed, XDelivery delivery)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        budget.CancelAfter(settings.ResponseBudget);
        var dispatch = DispatchAllAsync(routed, delivery, context.RequestServices, budget.Token);
        try
        {
            await dispatch.WaitAsync(settings.ResponseBudget, timeProvider).ConfigureAwait(false);
            return (new(StatusCodes.Status200OK, XWebhooksOutcomes.Accepted, delivery.Product, null), false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return (new(0, XWebhooksOutcomes.Aborted, delivery.Product, null), !dispatch.IsCompleted);
        }
        catch (TimeoutException ex) when (!ReferenceEquals(ex, dispatch.Exception?.InnerException))
        {
            // WaitAsync gave up, not a handler. Handlers that ignore the cancelled token may still be running:
            // then their buffer must not go back to the pool.
            return (BudgetExceeded(delivery), !dispatch.IsCompleted);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            return (BudgetExceeded(delivery), false);
        }
        catch (Exception)
        {
            // DispatchAllAsync has logged which event failed.
            return (new(StatusCodes.Status500InternalServerError, XWebhooksOutcomes.HandlerFailed, delivery.Product, "A handler failed."), false);
        }
    }

    private Result BudgetExceeded(XDelivery delivery)
    {
        XWebhooksLog.BudgetExceeded(logger, settings.ResponseBudget);
        return new(StatusCodes.Status503ServiceUnavailable, XWebhooksOutcomes.BudgetExceeded, delivery.Product, "Handlers did not finish within the response budget.");
    }

    private async Task DispatchAllAsync(List<RoutedEvent> routed, XDelivery delivery, IServiceProvider services, CancellationToken cancellationToken)
    {
        // Sequential and stop at the first failure: X redelivers the whole delivery anyway.
        foreach (var item in routed)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await dispatcher.DispatchAsync(item.Route, item.Payload, delivery, services, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                metrics.EventCounted(item.Payload.Product, item.EventType, XWebhooksOutcomes.Failed);
                if (!cancellationToken.IsCancellationRequested)
                {
                    XWebhooksLog.HandlerFailed(logger, ex, item.Payload.Product, item.EventType);
                }

                throw;
            }

            metrics.HandlerCompleted(item.Payload.Product, item.EventType, Stopwatch.GetElapsedTime(started));
            metrics.EventCounted(item.Payload.Product, item.EventType, XWebhooksOutcomes.Handled);
        }
    }

    private readonly record struct Result(int Status, string Outcome, XProduct Product, string? Reason);
}
