using ScimClean.Application.Admin;
using ScimClean.Application.Common.Security;

namespace ScimClean.Api.Auth;

/// <summary>
/// Decides the admin API key at start-up: Admin:ApiKey when configured; otherwise a generated key whose hash
/// is stored, and which is printed once, on the first start only.
/// </summary>
public static class AdminApiKeyBootstrapper
{
    public const string ConfigurationKey = "Admin:ApiKey";
    private const string KeyPrefix = "sca_";

    public static async Task InitializeAdminApiKeyAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var hasher = services.GetRequiredService<ISecretHasher>();
        var holder = services.GetRequiredService<AdminApiKeyHash>();

        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            holder.Set(hasher.Hash(configured.Trim()));
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IAdminApiKeyStore>();
        var stored = await store.GetHashAsync(cancellationToken);
        if (stored is not null)
        {
            holder.Set(stored);
            return;
        }

        var key = services.GetRequiredService<ISecretGenerator>().NewToken(KeyPrefix);
        if (await store.TryStoreHashAsync(hasher.Hash(key), cancellationToken))
        {
            holder.Set(hasher.Hash(key));
            // Deliberately the console, not the log: the key must not end up in log storage.
            Console.WriteLine();
            Console.WriteLine("No admin API key was configured, so ScimClean generated one. It is shown now and never again:");
            Console.WriteLine($"    {key}");
            Console.WriteLine("Use it as 'Authorization: Bearer <key>' on /admin/v1. Only its hash is stored; to choose your own, set Admin__ApiKey.");
            Console.WriteLine();
            return;
        }

        holder.Set(await store.GetHashAsync(cancellationToken)
            ?? throw new InvalidOperationException("the admin API key could not be stored"));
    }
}
