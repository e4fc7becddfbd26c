using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ScimClean.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The real service over HTTP on a real SQLite database in a file of its own, with a fake clock the tests move.
/// </summary>
public sealed class ScimCleanApiFactory : WebApplicationFactory<Program>
{
    public const string AdminApiKey = "test-admin-key-0123456789";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"scimclean-test-{Guid.NewGuid():N}.db");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public string DatabasePath => _databasePath;

    /// <summary>Extra configuration a test class wants (applied over the defaults).</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Admin:ApiKey"] = AdminApiKey,
        ["Webhooks:AllowPrivateNetworks"] = "true",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={_databasePath}");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", AdminApiKey);
        return client;
    }

    public HttpClient CreateScimClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
