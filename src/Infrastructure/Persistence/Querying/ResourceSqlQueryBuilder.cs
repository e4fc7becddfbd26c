using ScimClean.Application.Scim.Querying;

namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>Turns a <see cref="ResourceQuery"/> into the SQL of one organization's page and total count.</summary>
internal static class ResourceSqlQueryBuilder
{
    public static ResourceSqlQuery Build(ResourceTableMapping mapping, SqlDialect dialect, Guid organizationId, ResourceQuery query)
    {
        var parameters = new SqlParameters(dialect);
        var organization = parameters.Add(organizationId);
        var compiler = new FilterSqlCompiler(mapping, dialect, parameters, organization);

        var table = mapping.Alias;
        var where = $"{table}.{dialect.Quote(mapping.OrganizationColumn)} = {organization}";
        if (query.Filter is not null)
        {
            where += $" AND {compiler.Compile(query.Filter)}";
        }

        var orderBy = query.SortBy is { } sortBy
            ? compiler.CompileOrderBy(sortBy.SchemaUrn, sortBy.AttributeName, sortBy.SubAttribute, query.SortDescending, query.Filter is not null)
            : compiler.DefaultOrderBy(query.Filter is not null);

        var filterSql = $"SELECT {table}.* FROM {dialect.Quote(mapping.TableName)} AS {table} WHERE {where}";
        var offset = Math.Max(query.StartIndex, 1) - 1;
        var pageSql = $"{filterSql} ORDER BY {orderBy} {dialect.Page(Math.Max(query.Count, 0), offset)}";
        return new ResourceSqlQuery(filterSql, pageSql, parameters.Values, dialect);
    }
}
