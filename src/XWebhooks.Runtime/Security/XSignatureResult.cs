namespace XWebhooks.Security;

/// <summary>The outcome of verifying a POST, and the header that decided it.</summary>
/// <param name="Header">The header that was checked (<see cref="XSignatureHeader.Classic"/> when neither was present).</param>
/// <param name="Check">What the check found.</param>
public readonly record struct XSignatureResult(XSignatureHeader Header, XSignatureCheck Check)
{
    /// <summary>True when the signature matched a configured secret: the body came from X.</summary>
    public bool IsValid => Check is XSignatureCheck.ValidPrimary or XSignatureCheck.ValidSecondary;
}
