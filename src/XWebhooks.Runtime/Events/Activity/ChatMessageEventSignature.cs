namespace XWebhooks.Events.Activity;

/// <summary>The <c>message_event_signature</c> of a chat event: the sender's signature and public key.</summary>
public sealed class ChatMessageEventSignature
{
    /// <summary>The version of the signing public key.</summary>
    public string? PublicKeyVersion { get; init; }

    /// <summary>The signature (base64).</summary>
    public string? Signature { get; init; }

    /// <summary>The signature scheme version.</summary>
    public string? SignatureVersion { get; init; }

    /// <summary>The signing public key (base64 SubjectPublicKeyInfo).</summary>
    public string? SigningPublicKey { get; init; }
}
