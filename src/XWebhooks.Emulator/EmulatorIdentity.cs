namespace XWebhooks.Emulator;

/// <summary>The fixed identity of the emulated X app (X fills these from the app that owns the token).</summary>
internal static class EmulatorIdentity
{
    public const string ApplicationId = "29893711";

    public const string BusinessUserId = "1877374016438091776";
}
