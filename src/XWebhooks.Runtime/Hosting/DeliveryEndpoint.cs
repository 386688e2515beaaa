using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XWebhooks.Delivery;
using XWebhooks.Diagnostics;
using XWebhooks.Inbox;

namespace XWebhooks.Hosting;

/// <summary>
/// POST: the delivery path. Size limit (413) → body read once into a pooled buffer → signature verified over
/// the exact bytes (401, nothing parsed) → events located in one JSON pass (400 when the body is not a JSON
/// object) → inline: handlers under the response budget → 200, or 500/503 so X redelivers; inbox mode:
/// durable append → 200 (503 when the store fails), handlers run later in the inbox worker. What happened is
/// reported to the <see cref="IXWebhookObserver"/>s (metrics, health, the watermark): the endpoint knows none of them.
/// </summary>
internal sealed class DeliveryEndpoint(
    IOptions<XWebhooksOptions> options,
    DeliverySignatureGate signatures,
    DeliveryProcessor processor,
    XWebhookObservers observers,
    TimeProvider timeProvider,
    ILogger<DeliveryEndpoint> logger,
    IXWebhookInbox? inbox = null,
    InboxSignal? inboxSignal = null)
{
    private readonly XWebhooksOptions settings = options.Value;

    public async Task HandleAsync(HttpContext context)
    {
        using var span = XWebhooksTracing.StartDelivery();
        var started = Stopwatch.GetTimestamp();
        var (status, outcome, product, reason) = await ReceiveAsync(context).ConfigureAwait(false);
        XWebhooksTracing.DeliveryCompleted(span, outcome, product, status);
        observers.DeliveryCompleted(new XDeliveryObservation(outcome, product, status, timeProvider.GetUtcNow(), Stopwatch.GetElapsedTime(started)));

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
            if (!signatures.Accepts(context.Request.Headers, body.Memory.Span))
            {
                return new(StatusCodes.Status401Unauthorized, XWebhooksOutcomes.Unauthorized, XProduct.Unknown, null);
            }

            LocatedDelivery located;
            try
            {
                located = processor.Locate(body.Memory, timeProvider.GetUtcNow());
            }
            catch (XDeliveryFormatException ex)
            {
                XWebhooksLog.MalformedBody(logger, ex.Message);
                return new(StatusCodes.Status400BadRequest, XWebhooksOutcomes.Malformed, XProduct.Unknown, ex.Message);
            }

            if (located.Routed.Count == 0)
            {
                return new(StatusCodes.Status200OK, XWebhooksOutcomes.Accepted, located.Delivery.Product, null);
            }

            if (inbox is not null)
            {
                return await AppendToInboxAsync(context, located.Delivery).ConfigureAwait(false);
            }

            var (result, handlersStillRunning) = await DispatchWithinBudgetAsync(context, located).ConfigureAwait(false);
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

    private async Task<(Result Result, bool HandlersStillRunning)> DispatchWithinBudgetAsync(HttpContext context, LocatedDelivery located)
    {
        var delivery = located.Delivery;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        budget.CancelAfter(settings.ResponseBudget);
        var dispatch = processor.DispatchAsync(located, context.RequestServices, budget.Token);
        try
        {
            // Synchronous handlers complete here: no wait to set up. Otherwise the one budget timer also ends
            // the wait, whether or not the handlers observe their token.
            await (dispatch.IsCompleted ? dispatch : dispatch.WaitAsync(budget.Token)).ConfigureAwait(false);
            return (new(StatusCodes.Status200OK, XWebhooksOutcomes.Accepted, delivery.Product, null), false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return (new(0, XWebhooksOutcomes.Aborted, delivery.Product, null), !dispatch.IsCompleted);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            // Handlers that ignore the cancelled token may still be running: then their buffer must not go back to the pool.
            return (BudgetExceeded(delivery), !dispatch.IsCompleted);
        }
        catch (Exception)
        {
            // The processor has logged which event failed.
            return (new(StatusCodes.Status500InternalServerError, XWebhooksOutcomes.HandlerFailed, delivery.Product, "A handler failed."), false);
        }
    }

    private async Task<Result> AppendToInboxAsync(HttpContext context, XDelivery delivery)
    {
        try
        {
            await inbox!.AppendAsync(new XInboxAppend(delivery.Body, delivery.ReceivedAt) { TraceParent = XWebhooksTracing.CurrentTraceParent() }, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return new(0, XWebhooksOutcomes.Aborted, delivery.Product, null);
        }
        catch (Exception ex)
        {
            InboxLog.AppendFailed(logger, ex);
            return new(StatusCodes.Status503ServiceUnavailable, XWebhooksOutcomes.StoreFailed, delivery.Product, "The delivery could not be stored.");
        }

        inboxSignal?.Notify();
        return new(StatusCodes.Status200OK, XWebhooksOutcomes.Queued, delivery.Product, null);
    }

    private Result BudgetExceeded(XDelivery delivery)
    {
        XWebhooksLog.BudgetExceeded(logger, settings.ResponseBudget);
        return new(StatusCodes.Status503ServiceUnavailable, XWebhooksOutcomes.BudgetExceeded, delivery.Product, "Handlers did not finish within the response budget.");
    }

    private readonly record struct Result(int Status, string Outcome, XProduct Product, string? Reason);
}
