namespace XWebhooks.Diagnostics;

/// <summary>The <c>product</c> value of metric tags and span attributes: one spelling for every signal.</summary>
internal static class ProductNames
{
    public static string Of(XProduct product) => product switch
    {
        XProduct.Activity => "activity",
        XProduct.AccountActivity => "account_activity",
        XProduct.FilteredStream => "filtered_stream",
        _ => "unknown",
    };
}
