using System.Security.Cryptography;
using ScimClean.Application.Common.Security;

namespace ScimClean.Infrastructure.Security;

/// <summary>PBKDF2-HMAC-SHA256 with a random salt; stored as "pbkdf2-sha256$iterations$salt$hash".</summary>
internal sealed class Pbkdf2PasswordHasher : IPasswordHasher
{
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }
}
