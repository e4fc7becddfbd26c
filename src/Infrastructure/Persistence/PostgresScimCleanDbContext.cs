namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// The PostgreSQL flavour of the model (its own migrations in <c>Migrations/Postgres</c>). Two deliberate differences
/// from SQLite, see docs/adr/0006-postgresql.md: the resource documents are <c>jsonb</c>, and every text column uses the
/// <c>"C"</c> collation, so that comparisons, ORDER BY and <c>LIKE 'prefix%'</c> index seeks are ordinal (byte order,
/// like SQLite's BINARY) whatever locale the server or database was created with.
/// </summary>
public sealed class PostgresScimCleanDbContext(DbContextOptions<PostgresScimCleanDbContext> options)
    : ScimCleanDbContext(options)
{
    public const string OrdinalCollation = "C";

    public const string DocumentColumnType = "jsonb";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetProperties())
            {
                var storedType = property.GetValueConverter()?.ProviderClrType ?? property.GetProviderClrType() ?? property.ClrType;
                if (storedType != typeof(string))
                {
                    continue;
                }

                if (property.Name == UserValueIndexer.DocumentProperty)
                {
                    // The SCIM document (Users, Groups): queried by the filter compiler with jsonb operators.
                    property.SetColumnType(DocumentColumnType);
                }
                else
                {
                    property.SetCollation(OrdinalCollation);
                }
            }
        }
    }
}
