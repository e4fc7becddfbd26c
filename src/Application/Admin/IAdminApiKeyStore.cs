namespace ScimClean.Application.Admin;

/// <summary>Keeps the hash of the generated admin API key (never the key itself).</summary>
public interface IAdminApiKeyStore
{
    Task<string?> GetHashAsync(CancellationToken cancellationToken);

    /// <summary>Stores the hash unless one is stored already; returns false when another instance won.</summary>
    Task<bool> TryStoreHashAsync(string hash, CancellationToken cancellationToken);
}
