using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ScimClean.Application.Admin;
using ScimClean.Application.Audit;
using ScimClean.Application.Common.Persistence;
using ScimClean.Application.Common.Security;
using ScimClean.Application.Groups;
using ScimClean.Application.Organizations;
using ScimClean.Application.Users;
using ScimClean.Application.Webhooks;
using ScimClean.Application.Webhooks.Events;
using ScimClean.Application.Webhooks.Secrets;
using ScimClean.Infrastructure.Persistence;
using ScimClean.Infrastructure.Persistence.Queries;
using ScimClean.Infrastructure.Persistence.Repositories;
using ScimClean.Infrastructure.Persistence.Sqlite;
using ScimClean.Infrastructure.Security;
using ScimClean.Infrastructure.Webhooks;
using ScimClean.Infrastructure.Webhooks.Dispatching;
using ScimClean.Infrastructure.Webhooks.Retention;
using ScimClean.Infrastructure.Webhooks.Secrets;
using ScimClean.Infrastructure.Webhooks.Security;

namespace ScimClean.Infrastructure;

public static class DependencyInjection
{
    public const string DefaultConnectionString = "Data Source=scimclean.db";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Default") ?? DefaultConnectionString;

        services.AddSingleton<DirectoryCredentialChangeInterceptor>();
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                AddSqlite(services, connectionString, database.SqliteExclusiveAccess);
                break;
            case DatabaseProvider.Postgres:
                // Npgsql pools connections itself (per connection string): size the pool with
                // "Maximum Pool Size" in ConnectionStrings:Default, see docs/operations.md. Batches of at most 100
                // statements: a save of a replay page (1,000 deliveries) made one command of 12,000 parameters and a
                // 750 KB SQL text, and ten replays in a row took the service from 255 to 357 MB on the large-object heap.
                services.AddDbContextPool<PostgresScimCleanDbContext>((provider, options) => options
                    .UseNpgsql(connectionString, npgsql => npgsql.MaxBatchSize(100))
                    .AddInterceptors(provider.GetRequiredService<DirectoryCredentialChangeInterceptor>()));
                services.AddScoped(provider => new ScopedDbContext(provider.GetRequiredService<PostgresScimCleanDbContext>));
                services.AddSingleton<IDatabaseBackup, ExternalDatabaseBackup>();
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{database.Provider}' is not supported; use 'Sqlite' or 'Postgres'.");
        }

        services.AddScoped(provider => provider.GetRequiredService<ScopedDbContext>().Context);
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddScoped<IDatabaseSession, EfDatabaseSession>();
        services.AddScoped<OutboxWriter>();
        services.AddSingleton<WebhookDispatchSignal>();
        services.AddWebhookDispatching(configuration);
        services.AddDataProtection()
            .SetApplicationName("ScimClean")
            .PersistKeysToDbContext<ScimCleanDbContext>();
        services.AddSingleton<IWebhookSecretProtector, DataProtectionWebhookSecretProtector>();
        services.AddScoped<IOrganizationDomainLookup, OrganizationDomainLookup>();
        services.AddScoped<IOrganizationRepository, OrganizationRepository>();
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IUserGroupQueries>(provider =>
            new UserGroupQueries(provider.GetRequiredService<ScopedDbContext>(), provider.GetService<SqliteUserReader>()));
        services.AddScoped<IGroupRepository, GroupRepository>();
        services.AddScoped<IGroupMembershipRepository, GroupMembershipRepository>();
        services.AddScoped<IGroupMemberResolver, GroupMemberResolver>();
        services.AddScoped<GroupMemberReader>();
        services.AddScoped<IGroupQueries, GroupQueries>();
        services.AddScoped<IUserQueries>(provider =>
            new UserQueries(provider.GetRequiredService<ScopedDbContext>(), provider.GetService<SqliteUserReader>()));
        services.AddScoped<IAdminApiKeyStore, AdminApiKeyStore>();
        services.AddScoped<IDatabaseProbe, EfDatabaseProbe>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IAuditLogQueries, AuditLogQueries>();
        services.AddSingleton<ISecretHasher, Sha256SecretHasher>();
        services.AddSingleton<ISecretGenerator, RandomSecretGenerator>();
        services.AddSingleton<IPasswordHasher, Pbkdf2PasswordHasher>();
        services.AddSingleton<TimeProvider>(database.Provider == DatabaseProvider.Postgres
            ? new MicrosecondTimeProvider(TimeProvider.System)
            : TimeProvider.System);
        services.AddWebhookAdministration(configuration);
        return services;
    }

    private static void AddSqlite(IServiceCollection services, string configuredConnectionString, bool exclusiveAccess)
    {
        // Migrations on the configured string; everything else opens the file the way the service holds it (ADR 0011).
        services.AddSingleton(new SqliteSchemaConnection(configuredConnectionString));
        var connectionString = exclusiveAccess
            ? SqliteDatabaseFile.WithExclusiveAccess(configuredConnectionString)
            : configuredConnectionString;

        // Pooled: the options are built once and a context is reset and reused, not rebuilt on every request
        // (building options and resolving EF's services per request cost more than the query of a GET).
        // Saves that only add rows (creates) are group-committed by the insert writer; contexts find it
        // through the application's container.
        services.AddSingleton(_ => new SqliteInsertWriter(connectionString));
        services.AddDbContextPool<SqliteScimCleanDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(
                provider.GetRequiredService<DirectoryCredentialChangeInterceptor>(),
                SqliteConnectionSettingsInterceptor.Instance));
        services.AddScoped(provider => new ScopedDbContext(provider.GetRequiredService<SqliteScimCleanDbContext>));
        // Made by the container, so that it closes the kept connections when the host stops.
        services.AddSingleton(_ => new SqliteReadConnections(connectionString));
        services.AddSingleton<SqliteUserReader>();
        services.AddSingleton<IDatabaseBackup>(provider =>
            new SqliteDatabaseBackup(connectionString, provider.GetRequiredService<TimeProvider>()));
    }

    /// <summary>The admin side of webhooks: endpoints, deliveries, the events API, URL policy, retention.</summary>
    private static IServiceCollection AddWebhookAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookUrlPolicyOptions>().Bind(configuration.GetSection(WebhookUrlPolicyOptions.SectionName));
        services.AddOptions<WebhookRetentionOptions>().Bind(configuration.GetSection(WebhookRetentionOptions.SectionName));
        services.AddSingleton<WebhookUrlPolicy>();
        services.AddSingleton<IWebhookUrlPolicy>(provider => provider.GetRequiredService<WebhookUrlPolicy>());
        services.AddScoped<WebhookDispatchNotifier>();
        services.AddScoped<IWebhookDispatchNotifier>(provider => provider.GetRequiredService<WebhookDispatchNotifier>());
        services.AddScoped<IWebhookEndpointRepository, WebhookEndpointRepository>();
        services.AddScoped<IWebhookDeliveryRepository, WebhookDeliveryRepository>();
        services.AddScoped<IWebhookEventRepository, WebhookEventRepository>();
        services.AddScoped<IWebhookDeliveryQueries, WebhookDeliveryQueries>();
        services.AddScoped<IWebhookEventQueries, WebhookEventQueries>();
        services.AddScoped<WebhookEventRetention>();
        services.AddHostedService<WebhookEventRetentionService>();
        return services;
    }
}
