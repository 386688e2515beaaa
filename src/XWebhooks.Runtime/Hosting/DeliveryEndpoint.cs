using System.Diagnostics;
using System.Runtime.CompilerServices;
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
/// object) → inline: handlers under the response budget → 200, or 500/503 so X redelivers; inbox mode: a re-send
/// whose every event was already processed → 200 without storing, otherwise durable append of the body with its
/// <see cref="EventIndex"/> → 200 (503 when the store fails), handlers run later in the inbox worker. What happened is
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

    // Pooled: in inbox mode every delivery waits for the store, so the state machine would otherwise be allocated each time.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Result> ReceiveAsync(HttpContext context)
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
                located = processor.Locate(body.Memory, timeProvider.GetUtcNow(), purpose: inbox is null ? LocatePurpose.Dispatch : LocatePurpose.Store);
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
                return await StoreAsync(context, located).ConfigureAwait(false);
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

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<(Result Result, bool HandlersStillRunning)> DispatchWithinBudgetAsync(HttpContext context, LocatedDelivery located)
    {
        var delivery = located.Delivery;
        var dispatchStarted = Stopwatch.GetTimestamp();

        // The budget's timer and its link to the request's abort token are set up only when the handlers go
        // asynchronous: synchronous handlers have returned before anything could cancel them.
        var budget = new CancellationTokenSource();
        var abortLink = default(CancellationTokenRegistration);
        Task? dispatch = null;
        try
        {
            dispatch = processor.DispatchAsync(located, context.RequestServices, budget.Token);
            if (!dispatch.IsCompleted)
            {
                abortLink = context.RequestAborted.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), budget);
                var remaining = settings.ResponseBudget - Stopwatch.GetElapsedTime(dispatchStarted);
                budget.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);

                // The one budget timer also ends the wait, whether or not the handlers observe their token.
                await dispatch.WaitAsync(budget.Token).ConfigureAwait(false);
            }
            else
            {
                await dispatch.ConfigureAwait(false);
            }

            return (new(StatusCodes.Status200OK, XWebhooksOutcomes.Accepted, delivery.Product, null), false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return (new(0, XWebhooksOutcomes.Aborted, delivery.Product, null), dispatch is { IsCompleted: false });
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            // Handlers that ignore the cancelled token may still be running: then their buffer must not go back to the pool.
            return (BudgetExceeded(delivery), dispatch is { IsCompleted: false });
        }
        catch (Exception)
        {
            // The processor has logged which event failed.
            return (new(StatusCodes.Status500InternalServerError, XWebhooksOutcomes.HandlerFailed, delivery.Product, "A handler failed."), false);
        }
        finally
        {
            abortLink.Dispose();
            budget.Dispose();
        }
    }

    /// <summary>Inbox mode: acknowledges a re-send of processed events without storing it; otherwise appends the body with its index.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Result> StoreAsync(HttpContext context, LocatedDelivery located)
    {
        var delivery = located.Delivery;
        var index = default(EventIndex.PooledIndex);
        try
        {
            if (await IsDuplicateAsync(located, context.RequestAborted).ConfigureAwait(false))
            {
                return new(StatusCodes.Status200OK, XWebhooksOutcomes.Duplicate, delivery.Product, null);
            }

            index = EventIndex.Write(delivery.Body, located);
            var append = new XInboxAppend(delivery.Body, delivery.ReceivedAt) { TraceParent = XWebhooksTracing.CurrentTraceParent(), EventIndex = index.Memory };
            await inbox!.AppendAsync(append, context.RequestAborted).ConfigureAwait(false);
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
        finally
        {
            index.Return();
        }

        inboxSignal?.Notify();
        return new(StatusCodes.Status200OK, XWebhooksOutcomes.Queued, delivery.Product, null);
    }

    /// <summary>
    /// True when every routed event was already processed. A failing dedupe store never loses an event: the delivery
    /// is stored, and the worker checks again.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> IsDuplicateAsync(LocatedDelivery located, CancellationToken requestAborted)
    {
        try
        {
            return await processor.WasEveryEventProcessedAsync(located, requestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && requestAborted.IsCancellationRequested))
        {
            InboxLog.DedupeCheckFailed(logger, ex);
            return false;
        }
    }

    private Result BudgetExceeded(XDelivery delivery)
    {
        XWebhooksLog.BudgetExceeded(logger, settings.ResponseBudget);
        return new(StatusCodes.Status503ServiceUnavailable, XWebhooksOutcomes.BudgetExceeded, delivery.Product, "Handlers did not finish within the response budget.");
    }

    private readonly record struct Result(int Status, string Outcome, XProduct Product, string? Reason);
}
