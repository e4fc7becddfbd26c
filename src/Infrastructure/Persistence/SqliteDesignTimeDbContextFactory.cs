using Microsoft.EntityFrameworkCore.Design;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the SQLite model without starting the service.</summary>
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteScimCleanDbContext>
{
    public SqliteScimCleanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteScimCleanDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
