namespace XWebhooks.Management;

/// <summary>A webhook registered with X (<c>POST/GET /2/webhooks</c>).</summary>
/// <param name="Id">X's webhook id: a string of digits, kept as a string.</param>
/// <param name="Url">The registered URL.</param>
/// <param name="Valid">Whether the webhook passes its CRC check; X delivers nothing to an invalid webhook until it is re-validated.</param>
/// <param name="CreatedAt">When the webhook was registered, when X says.</param>
public sealed record XWebhook(string Id, string Url, bool Valid, DateTimeOffset? CreatedAt);
