using System.Security.Cryptography;

namespace ScimClean.Application.Webhooks.Secrets;

/// <summary>
/// Signing secrets as Standard Webhooks writes them: <c>whsec_</c> + standard base64 of 32 random bytes.
/// The whole string (prefix included) is what <see cref="IWebhookSecretProtector.Protect"/> encrypts, so
/// <see cref="IWebhookSecretProtector.Unprotect"/> gives it back as the receiver sees it; the HMAC-SHA256 key
/// is the base64-decoded part after the prefix (<see cref="DecodeKey"/>).
/// </summary>
public static class WebhookSecretFormat
{
    public const string Prefix = "whsec_";
    public const int KeyBytes = 32;

    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The HMAC key of a secret in this format (a bare base64 key is accepted too).</summary>
    public static byte[] DecodeKey(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
}
