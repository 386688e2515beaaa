namespace XWebhooks;

/// <summary>The X product that produced a webhook delivery. X sends all three to the same URL; the JSON shape tells them apart.</summary>
public enum XProduct
{
    /// <summary>
    /// The body matched none of the known shapes. It is handed whole to an <see cref="Events.XUnknownEvent"/>
    /// fallback handler when the application has one; otherwise it is acknowledged and counted as unhandled.
    /// </summary>
    Unknown = 0,

    /// <summary>X Activity API (XAA): <c>{"data":{"event_uuid","event_type","payload",…}}</c>. The successor of the Account Activity API.</summary>
    Activity = 1,

    /// <summary>Account Activity API (AAA): <c>{"for_user_id","&lt;kind&gt;_events":[…]}</c>. Deprecated; X ends it on 2027-01-01.</summary>
    AccountActivity = 2,

    /// <summary>Filtered-stream webhooks: <c>{"data":&lt;Post&gt;,"includes":{…},"matching_rules":[…]}</c>.</summary>
    FilteredStream = 3,
}
