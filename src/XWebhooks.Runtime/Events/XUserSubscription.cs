namespace XWebhooks.Events;

/// <summary>A user's <c>subscription</c> object: the relation of the user's paid subscription to you.</summary>
public sealed class XUserSubscription
{
    /// <summary>Whether the user subscribes to the authenticated user.</summary>
    public bool? SubscribesToYou { get; init; }
}
