namespace XWebhooks.Management;

/// <summary>
/// One error X returned, in whichever form it came: a v2 Problem (<see cref="Title"/>, <see cref="Detail"/>,
/// <see cref="Type"/>) or a v1-style <see cref="Code"/> and <see cref="Message"/>. Unset parts are null.
/// </summary>
/// <param name="Title">Problem title.</param>
/// <param name="Detail">Problem detail.</param>
/// <param name="Type">Problem type URI.</param>
/// <param name="Message">Message of v1-style and per-item errors.</param>
/// <param name="Code">Numeric or symbolic code, as text.</param>
/// <param name="Reason">Reason of per-item errors (bulk delete).</param>
/// <param name="SubscriptionId">The subscription a per-item error is about (bulk delete).</param>
public sealed record XApiError(string? Title, string? Detail, string? Type, string? Message, string? Code, string? Reason, string? SubscriptionId);
