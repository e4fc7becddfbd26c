using System.Security.Cryptography;
using System.Text;

namespace ScimClean.Samples.WebhookReceiver;

/// <summary>
/// Verifies a Standard Webhooks signature: HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{body}" keyed with the
/// base64-decoded part of the secret after "whsec_"; the header holds one or more "v1,&lt;base64&gt;" separated by spaces
/// (two while the sender rotates its secret). Timestamps older or newer than the tolerance are refused (replays).
/// </summary>
public sealed class SignatureVerifier(string secret, TimeSpan tolerance)
{
    private readonly byte[] _key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);

    public bool IsValid(string? id, string? timestamp, string? signatures, byte[] body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(signatures) || !long.TryParse(timestamp, out var seconds))
        {
            return false;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        byte[] signedContent = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        var expected = HMACSHA256.HashData(_key, signedContent);
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate.StartsWith("v1,", StringComparison.Ordinal)
                && TryDecode(candidate[3..], out var given)
                && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDecode(string base64, out byte[] bytes)
    {
        bytes = new byte[HMACSHA256.HashSizeInBytes];
        return Convert.TryFromBase64String(base64, bytes, out var written) && written == bytes.Length;
    }
}
