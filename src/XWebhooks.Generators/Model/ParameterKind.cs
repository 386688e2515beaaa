namespace XWebhooks.Generators.Model;

/// <summary>What a handler parameter receives.</summary>
internal enum ParameterKind
{
    /// <summary>The typed event (or <c>XUnknownEvent</c>).</summary>
    Event,

    /// <summary>The <c>XDelivery</c> the event came in.</summary>
    Delivery,

    /// <summary>The dispatch <c>CancellationToken</c>.</summary>
    CancellationToken,
}
