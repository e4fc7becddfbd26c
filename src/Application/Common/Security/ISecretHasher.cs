namespace ScimClean.Application.Common.Security;

/// <summary>Hashes high-entropy secrets (tokens, API keys) for storage and checks them in constant time.</summary>
public interface ISecretHasher
{
    string Hash(string secret);

    bool Matches(string secret, string hash);
}
