namespace XWebhooks.Management;

/// <summary>Finds documented reason names in an error. X does not say which field holds them, so every text field is searched.</summary>
internal static class XApiErrorReasons
{
    private static readonly XApiErrorReason[] All = Enum.GetValues<XApiErrorReason>();

    public static IReadOnlyList<XApiErrorReason> Find(string? title, string? detail, string? type, IReadOnlyList<XApiError> errors)
    {
        List<XApiErrorReason>? found = null;
        foreach (var reason in All)
        {
            var name = reason.ToString();
            if (Contains(title, name) || Contains(detail, name) || Contains(type, name) || errors.Any(e =>
                    Contains(e.Title, name) || Contains(e.Detail, name) || Contains(e.Type, name)
                    || Contains(e.Message, name) || Contains(e.Reason, name) || Contains(e.Code, name)))
            {
                (found ??= []).Add(reason);
            }
        }

        return found ?? (IReadOnlyList<XApiErrorReason>)[];
    }

    private static bool Contains(string? text, string name) => text?.Contains(name, StringComparison.OrdinalIgnoreCase) == true;
}
