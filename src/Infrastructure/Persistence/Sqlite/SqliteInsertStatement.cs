using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ScimClean.Infrastructure.Persistence.Sqlite;

/// <summary>
/// The INSERT of one entity type, built from EF Core's model: its table, one parameter per mapped property (bound
/// through the property's own type mapping, converters included), and <c>RETURNING</c> for the store-generated ones.
/// The command is prepared once per connection and kept.
/// </summary>
internal sealed class SqliteInsertStatement : IDisposable
{
    private readonly string _sql;
    private readonly Column[] _columns;
    private readonly IProperty[] _generated;
    private SqliteCommand? _command;

    private SqliteInsertStatement(string sql, Column[] columns, IProperty[] generated, int depth)
    {
        _sql = sql;
        _columns = columns;
        _generated = generated;
        Depth = depth;
    }

    /// <summary>How many tables this one's rows depend on, transitively: principals are written first.</summary>
    public int Depth { get; }

    /// <summary>The statement, or null for an entity type this writer leaves to EF Core.</summary>
    public static SqliteInsertStatement? TryCreate(DbContext context, IEntityType entityType)
    {
        if (entityType.GetTableName() is not { } table || !IsPlainTable(entityType, table))
        {
            return null;
        }

        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var sql = context.GetService<ISqlGenerationHelper>();
        var columns = new List<Column>();
        var generated = new List<IProperty>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.GetColumnName(store) is not { } column)
            {
                return null;
            }

            switch (property.ValueGenerated)
            {
                case ValueGenerated.Never:
                    columns.Add(new Column(
                        property, sql.DelimitIdentifier(column), ParameterName(columns.Count), property.GetRelationalTypeMapping()));
                    break;
                case ValueGenerated.OnAdd when property.IsPrimaryKey():
                    generated.Add(property);
                    break;
                default:
                    // Defaults and computed columns: EF Core decides per row what to send; leave them to it.
                    return null;
            }
        }

        var text = new StringBuilder()
            .Append("INSERT INTO ").Append(sql.DelimitIdentifier(table, entityType.GetSchema()))
            .Append(" (").AppendJoin(", ", columns.Select(column => column.Name)).Append(") VALUES (")
            .AppendJoin(", ", columns.Select(column => column.Parameter)).Append(')');
        if (generated.Count > 0)
        {
            text.Append(" RETURNING ").AppendJoin(", ", generated.Select(property => sql.DelimitIdentifier(property.GetColumnName(store)!)));
        }

        return new SqliteInsertStatement(text.ToString(), [.. columns], [.. generated], DepthOf(entityType, []));
    }

    /// <summary>Whether this entry's row can be written here: its generated keys still wait for the database.</summary>
    public bool CanInsert(EntityEntry entry)
    {
        foreach (var property in _generated)
        {
            if (!entry.Property(property).IsTemporary)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Inserts the entry's row and sets its generated keys on it, noting each in <paramref name="keysSet"/> with the
    /// temporary value it replaced, so that a save rolled back afterwards can be put back as it was.
    /// </summary>
    public void Insert(SqliteConnection connection, SqliteTransaction transaction, EntityEntry entry, List<GeneratedKey> keysSet)
    {
        var command = Command(connection);
        command.Transaction = transaction;
        command.Parameters.Clear();
        var values = entry.CurrentValues;
        for (var index = 0; index < _columns.Length; index++)
        {
            var column = _columns[index];
            command.Parameters.Add(column.Mapping.CreateParameter(
                command, column.Parameter, values[column.Property], column.Property.IsNullable));
        }

        if (_generated.Length == 0)
        {
            command.ExecuteNonQuery();
            return;
        }

        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                throw new InvalidOperationException($"The insert into {entry.Metadata.GetTableName()} returned no row.");
            }

            var keys = new object?[_generated.Length];
            for (var index = 0; index < _generated.Length; index++)
            {
                keys[index] = FromProvider(_generated[index], reader.GetValue(index));
            }

            reader.Close();
            for (var index = 0; index < _generated.Length; index++)
            {
                // Replaces the temporary value; EF Core carries the key to the tracked dependents' foreign keys.
                var property = entry.Property(_generated[index]);
                keysSet.Add(new GeneratedKey(property, property.CurrentValue));
                property.CurrentValue = keys[index];
            }
        }
    }

    public void Dispose()
    {
        _command?.Dispose();
        _command = null;
    }

    private static string ParameterName(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);

    private static bool IsPlainTable(IEntityType entityType, string table) =>
        !entityType.IsOwned()
        && entityType.BaseType is null
        && !entityType.GetDirectlyDerivedTypes().Any()
        && !entityType.GetComplexProperties().Any()
        && !entityType.GetNavigations().Any(navigation => navigation.TargetEntityType.IsOwned())
        && entityType.GetTableMappings().Count() == 1
        && entityType.Model.GetEntityTypes().Count(other => other.GetTableName() == table && other.GetSchema() == entityType.GetSchema()) == 1;

    private static int DepthOf(IEntityType entityType, HashSet<IEntityType> visiting)
    {
        if (!visiting.Add(entityType))
        {
            return 0;
        }

        var depth = 0;
        foreach (var foreignKey in entityType.GetForeignKeys())
        {
            if (foreignKey.PrincipalEntityType != entityType)
            {
                depth = Math.Max(depth, 1 + DepthOf(foreignKey.PrincipalEntityType, visiting));
            }
        }

        visiting.Remove(entityType);
        return depth;
    }

    private static object? FromProvider(IProperty property, object value)
    {
        if (value is DBNull)
        {
            return null;
        }

        if (property.GetTypeMapping().Converter is { } converter)
        {
            return converter.ConvertFromProvider(value);
        }

        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return type.IsInstanceOfType(value) ? value : Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    private SqliteCommand Command(SqliteConnection connection)
    {
        if (_command is { } kept && ReferenceEquals(kept.Connection, connection))
        {
            return kept;
        }

        _command?.Dispose();
        _command = connection.CreateCommand();
        _command.CommandText = _sql;
        return _command;
    }

    /// <summary>A mapped property, its delimited column name and its parameter name (made once, not per row).</summary>
    private sealed record Column(IProperty Property, string Name, string Parameter, RelationalTypeMapping Mapping);
}

/// <summary>A key the database generated, set on an entry in place of its temporary value.</summary>
internal readonly record struct GeneratedKey(PropertyEntry Property, object? TemporaryValue)
{
    /// <summary>Puts the temporary value back (EF Core carries it to the dependents again): the row was rolled back.</summary>
    public void Restore()
    {
        Property.CurrentValue = TemporaryValue;
        Property.IsTemporary = true;
    }
}
