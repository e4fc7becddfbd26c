namespace ScimClean.Infrastructure.Persistence;

public sealed class SqliteScimCleanDbContext(DbContextOptions<SqliteScimCleanDbContext> options)
    : ScimCleanDbContext(options);
