using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ScimClean.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The real service over HTTP on a real database of its own (a SQLite file, or a fresh PostgreSQL database when
/// <see cref="TestDatabase.PostgresVariable"/> is set), with a fake clock the tests move.
/// </summary>
public sealed class ScimCleanApiFactory : WebApplicationFactory<Program>
{
    public const string AdminApiKey = "test-admin-key-0123456789";

    private readonly bool _ownsDatabase;

    public ScimCleanApiFactory()
        : this(TestDatabase.Create(), ownsDatabase: true)
    {
    }

    /// <summary>
    /// A service on a database the caller owns (e.g. to start a second service on the same data). Not public: a class
    /// fixture may have only one public constructor.
    /// </summary>
    internal ScimCleanApiFactory(TestDatabase database)
        : this(database, ownsDatabase: false)
    {
    }

    private ScimCleanApiFactory(TestDatabase database, bool ownsDatabase)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The service's database, to check what a request really stored.</summary>
    public TestDatabase Database { get; }

    /// <summary>Extra configuration a test class wants (applied over the defaults).</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Admin:ApiKey"] = AdminApiKey,
        ["Webhooks:AllowPrivateNetworks"] = "true",
        // Test classes share a factory and send deliberate 401s; the throttle has tests of its own with small limits.
        ["Auth:FailureThrottle:MaxFailures"] = "1000000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
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
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
