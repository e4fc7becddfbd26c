using Microsoft.EntityFrameworkCore.Design;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// Lets `dotnet ef migrations add --context PostgresScimCleanDbContext` build the PostgreSQL model without a server:
/// generating a migration only needs the provider, never a connection.
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresScimCleanDbContext>
{
    public PostgresScimCleanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresScimCleanDbContext>()
            .UseNpgsql("Host=localhost;Database=scimclean_design_time")
            .Options);
}
