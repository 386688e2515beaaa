namespace XWebhooks.Delivery;

/// <summary>What a locate pass over a verified body is for.</summary>
internal enum LocatePurpose
{
    /// <summary>The inline POST path: keep the routed events; dedupe keys are computed when handlers run.</summary>
    Dispatch,

    /// <summary>
    /// The POST path in inbox mode: keep every event for the <see cref="EventIndex"/> and compute the routed ones'
    /// dedupe keys (when a dedupe store is registered) for the acknowledgement-path check and the worker.
    /// </summary>
    Store,

    /// <summary>A stored body without a usable index, in the inbox worker: its unhandled events were counted when it was acknowledged.</summary>
    StoredBody,
}
