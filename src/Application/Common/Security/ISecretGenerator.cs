namespace ScimClean.Application.Common.Security;

/// <summary>Creates secrets from a cryptographic random source.</summary>
public interface ISecretGenerator
{
    /// <summary>A bearer token with at least 256 bits of randomness, URL- and header-safe.</summary>
    string NewToken(string prefix);
}
