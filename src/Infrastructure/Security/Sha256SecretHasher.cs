using System.Security.Cryptography;
using System.Text;
using ScimClean.Application.Common.Security;

namespace ScimClean.Infrastructure.Security;

/// <summary>
/// SHA-256 suits these secrets: each carries 256 bits of randomness, so there is nothing for a slow,
/// salted password hash to protect against, and every SCIM request can afford the check.
/// </summary>
internal sealed class Sha256SecretHasher : ISecretHasher
{
    public string Hash(string secret) => Convert.ToBase64String(Digest(secret));

    public bool Matches(string secret, string hash)
    {
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(hash, expected, out var written) || written != SHA256.HashSizeInBytes)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Digest(secret), expected);
    }

    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
