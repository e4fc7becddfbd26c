using System.Globalization;
using ScimClean.Application.Scim.Filtering;
using ScimClean.Application.Scim.Querying;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>
/// Compiles a SCIM filter AST (and a sortBy path) into a SQL condition over one resource table, with every value
/// bound as a parameter. Semantics:
/// <list type="bullet">
/// <item>Attribute names and schema URNs are case-insensitive; string values follow the attribute's caseExact
/// (custom extension attributes compare case-insensitively).</item>
/// <item><c>ne</c> is the negation of <c>eq</c> at the level it is written: a resource without the attribute is
/// "not equal" (<c>title ne "x"</c> matches users without a title); <c>emails.value ne "x"</c> matches users with no
/// email "x"; inside brackets, <c>emails[value ne "x"]</c> matches users having some email other than "x".</item>
/// <item><c>not (f)</c> is the exact complement of <c>f</c> (NULLs from missing attributes count as false).</item>
/// <item><c>pr</c>: present and not null, "", [] or {}. <c>eq null</c> is "not present", <c>ne null</c> "present".</item>
/// <item>Booleans accept true/false and "True"/"False" strings, with eq/ne only. Dates (meta.created,
/// meta.lastModified) are parsed as xsd:dateTime and compared in UTC.</item>
/// <item><c>a.b op v</c> on a multi-valued attribute means "some element's b" (an EXISTS), like <c>a[b op v]</c>.</item>
/// </list>
/// </summary>
internal sealed class FilterSqlCompiler(
    ResourceTableMapping mapping,
    SqlDialect dialect,
    SqlParameters parameters,
    string organizationPlaceholder)
{
    private int _aliasCount;

    private string Table => mapping.Alias;

    private string DocumentExpression => Column(Table, mapping.DocumentColumn);

    public string Compile(FilterNode filter) => filter switch
    {
        LogicalFilter logical => CompileLogical(logical, Compile),
        NotFilter not => Negate(Compile(not.Inner)),
        ComparisonFilter comparison => CompileComparison(comparison),
        ValuePathFilter valuePath => CompileValuePath(valuePath),
        _ => throw new UnsupportedFilterException($"Unsupported filter expression '{filter}'."),
    };

    /// <summary>The ORDER BY list for a sortBy path; the id breaks ties so that paging is stable.</summary>
    public string CompileOrderBy(string? schemaUrn, string attributeName, string? subAttribute, bool descending, bool filtered)
    {
        var idOrder = dialect.IdOrder(Column(Table, mapping.IdColumn), filtered);
        var target = Resolve(schemaUrn, attributeName, subAttribute, "sortBy");
        var expression = SortExpression(target);
        return $"{expression} {dialect.SortDirection(descending)}, {idOrder}";
    }

    /// <summary>Without sortBy: by id, which for v7 GUIDs is creation order.</summary>
    public string DefaultOrderBy(bool filtered) => dialect.IdOrder(Column(Table, mapping.IdColumn), filtered);

    private string SortExpression(ResolvedAttribute target)
    {
        if (target.IsCustomExtension)
        {
            return dialect.Upper(CustomExtensionOperand(target).Sql);
        }

        if (mapping.FindPromoted(target.SchemaUrn, target.AttributeName, target.SubAttributeName) is { } promoted)
        {
            var operand = ColumnOperand(Column(Table, promoted.Column.Column), promoted.Column.Comparison, target.FullName);
            return operand.Kind == OperandKind.CaseInsensitiveString ? dialect.Upper(operand.Sql) : operand.Sql;
        }

        if (target.Attribute!.MultiValued || (target.SubAttribute is null && target.Attribute.IsComplex))
        {
            throw new UnsupportedFilterException(
                $"sortBy '{target.FullName}' is not supported: sort by a single-valued attribute or sub-attribute.");
        }

        RejectNotInDocument(target);
        var json = DocumentOperand(DocumentExpression, target.DocumentPath, target.SubAttribute ?? target.Attribute, target.FullName);
        return json.Kind == OperandKind.CaseInsensitiveString ? dialect.Upper(json.Sql) : json.Sql;
    }

    private string CompileComparison(ComparisonFilter comparison)
    {
        var path = comparison.Path;
        var target = Resolve(path.SchemaUrn, path.AttributeName, path.SubAttribute, "filter");
        if (target.IsCustomExtension)
        {
            return Compare(CustomExtensionOperand(target), comparison.Op, comparison.Value);
        }

        if (mapping.FindPromoted(target.SchemaUrn, target.AttributeName, target.SubAttributeName) is { } promoted)
        {
            var operand = ColumnOperand(Column(Table, promoted.Column.Column), promoted.Column.Comparison, target.FullName);
            return Compare(operand, comparison.Op, comparison.Value);
        }

        var attribute = target.Attribute!;
        if (attribute.MultiValued)
        {
            if (target.SubAttribute is null)
            {
                if (comparison.Op == ComparisonOperator.Pr)
                {
                    return MultiValuedPresent(target);
                }

                throw ComplexWithoutSubAttribute(target.FullName, attribute);
            }

            // emails.value eq "x" → some element has value "x"; ne negates the whole ("has no email x").
            var relative = path with { SchemaUrn = null, AttributeName = target.SubAttribute.Name, SubAttribute = null };
            if (comparison.Op == ComparisonOperator.Ne)
            {
                return Negate(ElementExists(target, comparison with { Path = relative, Op = ComparisonOperator.Eq }));
            }

            return ElementExists(target, comparison with { Path = relative });
        }

        RejectNotInDocument(target);
        if (target.SubAttribute is null && attribute.IsComplex)
        {
            if (comparison.Op == ComparisonOperator.Pr)
            {
                return dialect.JsonPresent(DocumentExpression, JsonPathParameter(target.DocumentPath));
            }

            throw ComplexWithoutSubAttribute(target.FullName, attribute);
        }

        var json = DocumentOperand(DocumentExpression, target.DocumentPath, target.SubAttribute ?? attribute, target.FullName);
        return Compare(json, comparison.Op, comparison.Value);
    }

    private string CompileValuePath(ValuePathFilter valuePath)
    {
        var path = valuePath.Path;
        var target = Resolve(path.SchemaUrn, path.AttributeName, path.SubAttribute, "filter");
        if (target.IsCustomExtension || !target.Attribute!.IsComplex || target.SubAttribute is not null)
        {
            throw new UnsupportedFilterException(
                $"'{target.FullName}[...]' is not supported: brackets apply to complex attributes such as emails.");
        }

        if (target.Attribute.MultiValued)
        {
            return ElementExists(target, valuePath.Inner);
        }

        // name[givenName eq "x"] on a single-valued complex attribute: the sub-attributes of the one value.
        RejectNotInDocument(target);
        var attribute = target.Attribute;
        return CompileTree(valuePath.Inner, leaf =>
        {
            var sub = FindSubAttribute(attribute, leaf, target.FullName);
            var operand = DocumentOperand(
                DocumentExpression,
                ResolvedAttribute.Segments(target.AttributeDocumentPath, sub.Name, null),
                sub,
                target.FullName + "." + sub.Name);
            return Compare(operand, leaf.Op, leaf.Value);
        });
    }

    /// <summary>Some element of a multi-valued attribute satisfies <paramref name="inner"/> (paths relative to the element).</summary>
    private string ElementExists(ResolvedAttribute target, FilterNode inner)
    {
        var attribute = target.Attribute!;
        if (!attribute.IsComplex)
        {
            throw new UnsupportedFilterException($"Filtering the multi-valued attribute '{target.FullName}' is not supported.");
        }

        var table = mapping.FindTable(target.SchemaUrn, attribute.Name);
        if (table is not null && LeavesOf(inner).All(leaf => table.SubAttributes.ContainsKey(FindSubAttribute(attribute, leaf, target.FullName).Name)))
        {
            var alias = NextAlias("v");
            var condition = CompileTree(inner, leaf =>
            {
                var sub = FindSubAttribute(attribute, leaf, target.FullName);
                var column = table.SubAttributes[sub.Name];
                var operand = ColumnOperand(Column(alias, column.Column), column.Comparison, target.FullName + "." + sub.Name);
                return Compare(operand, leaf.Op, leaf.Value);
            });
            return SideTableMembership(table, alias, condition);
        }

        if (table is { StoredInDocument: false })
        {
            throw new UnsupportedFilterException(
                $"Filtering '{target.FullName}' supports only the sub-attributes {string.Join(", ", table.SubAttributes.Keys)}.");
        }

        RejectNotInDocument(target);
        var element = NextAlias("e");
        var elementJson = dialect.ArrayElement(element);
        var elementCondition = CompileTree(inner, leaf =>
        {
            var sub = FindSubAttribute(attribute, leaf, target.FullName);
            var operand = DocumentOperand(elementJson, [sub.Name], sub, target.FullName + "." + sub.Name);
            return Compare(operand, leaf.Op, leaf.Value);
        });
        var source = dialect.JsonArrayElements(DocumentExpression, JsonPathParameter(target.AttributeDocumentPath), element);
        return $"EXISTS (SELECT 1 FROM {source} WHERE {elementCondition})";
    }

    private string MultiValuedPresent(ResolvedAttribute target)
    {
        if (mapping.FindTable(target.SchemaUrn, target.AttributeName) is { } table)
        {
            return SideTableMembership(table, NextAlias("v"), null);
        }

        RejectNotInDocument(target);
        return dialect.JsonPresent(DocumentExpression, JsonPathParameter(target.AttributeDocumentPath));
    }

    /// <summary>
    /// <c>t.Id IN (SELECT v.Owner FROM Side v WHERE v.Org = @org AND v.Attribute = @a AND ...)</c>: the subquery is
    /// uncorrelated, so the database seeks the side table's index once and then the resource rows by id.
    /// </summary>
    private string SideTableMembership(MultiValuedTableMapping table, string alias, string? condition)
    {
        var sql = $"{Column(Table, mapping.IdColumn)} IN (SELECT {Column(alias, table.OwnerColumn)}"
            + $" FROM {dialect.Quote(table.TableName)} AS {alias}"
            + $" WHERE {Column(alias, table.OrganizationColumn)} = {organizationPlaceholder}";
        if (table.DiscriminatorColumn is not null)
        {
            sql += $" AND {Column(alias, table.DiscriminatorColumn)} = {parameters.Add(table.DiscriminatorValue)}";
        }

        if (condition is not null)
        {
            sql += $" AND {condition}";
        }

        return sql + ")";
    }

    private static string CompileLogical(LogicalFilter logical, Func<FilterNode, string> compile) =>
        $"({compile(logical.Left)} {(logical.Op == LogicalOperator.And ? "AND" : "OR")} {compile(logical.Right)})";

    /// <summary>Compiles and/or/not over leaf comparisons relative to a complex attribute (inside brackets).</summary>
    private string CompileTree(FilterNode node, Func<ComparisonFilter, string> leaf) => node switch
    {
        LogicalFilter logical => CompileLogical(logical, inner => CompileTree(inner, leaf)),
        NotFilter not => Negate(CompileTree(not.Inner, leaf)),
        ComparisonFilter comparison => leaf(comparison),
        _ => throw new UnsupportedFilterException("Brackets cannot be nested inside a value filter."),
    };

    private static IEnumerable<ComparisonFilter> LeavesOf(FilterNode node) => node switch
    {
        LogicalFilter logical => LeavesOf(logical.Left).Concat(LeavesOf(logical.Right)),
        NotFilter not => LeavesOf(not.Inner),
        ComparisonFilter comparison => [comparison],
        _ => throw new UnsupportedFilterException("Brackets cannot be nested inside a value filter."),
    };

    private static SchemaAttribute FindSubAttribute(SchemaAttribute parent, ComparisonFilter leaf, string parentName)
    {
        var path = leaf.Path;
        if (path.SchemaUrn is not null || path.SubAttribute is not null)
        {
            throw new UnsupportedFilterException($"Inside '{parentName}[...]' only sub-attribute names are allowed.");
        }

        var sub = parent.FindSubAttribute(path.AttributeName)
            ?? throw new UnsupportedFilterException($"Unknown attribute '{parentName}.{path.AttributeName}' in filter.");
        if (sub.IsComplex)
        {
            throw ComplexWithoutSubAttribute(parentName + "." + sub.Name, sub);
        }

        return sub;
    }

    private string Negate(string condition) => $"(NOT COALESCE({condition}, {dialect.False}))";

    private string Compare(SqlOperand operand, ComparisonOperator op, FilterValue? value)
    {
        if (op == ComparisonOperator.Pr)
        {
            return operand.PresentSql;
        }

        if (value is null)
        {
            throw new UnsupportedFilterException($"The operator '{Name(op)}' on '{operand.AttributeName}' needs a value.");
        }

        if (value.Kind == FilterValueKind.Null)
        {
            return op switch
            {
                ComparisonOperator.Eq => $"(NOT {operand.PresentSql})",
                ComparisonOperator.Ne => operand.PresentSql,
                _ => throw new UnsupportedFilterException($"'{operand.AttributeName} {Name(op)} null' is not a valid comparison."),
            };
        }

        return operand.Kind switch
        {
            OperandKind.Boolean => CompareBoolean(operand, op, value),
            OperandKind.DateTime => CompareDateTime(operand, op, value),
            OperandKind.Guid => CompareGuid(operand, op, value),
            _ => CompareString(operand, op, TextOf(value)),
        };
    }

    private string CompareBoolean(SqlOperand operand, ComparisonOperator op, FilterValue value)
    {
        if (op is not (ComparisonOperator.Eq or ComparisonOperator.Ne))
        {
            throw new UnsupportedFilterException(
                $"The operator '{Name(op)}' cannot be used on the boolean attribute '{operand.AttributeName}'.");
        }

        if (!value.TryGetBoolean(out var flag))
        {
            throw new UnsupportedFilterException($"'{operand.AttributeName}' is boolean: compare it with true or false.");
        }

        return Ordered(operand.Sql, operand.Sql, parameters.Add(flag), op);
    }

    private string CompareDateTime(SqlOperand operand, ComparisonOperator op, FilterValue value)
    {
        if (op is ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew)
        {
            throw new UnsupportedFilterException(
                $"The operator '{Name(op)}' cannot be used on the dateTime attribute '{operand.AttributeName}'.");
        }

        if (value.Kind != FilterValueKind.String
            || !DateTimeOffset.TryParse(
                value.StringValue,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out var moment))
        {
            throw new UnsupportedFilterException(
                $"'{operand.AttributeName}' is a dateTime: the value must be an xsd:dateTime such as \"2026-01-01T00:00:00Z\".");
        }

        var utc = moment.UtcDateTime;
        var resolution = dialect.DateTimeResolutionTicks;
        var excess = utc.Ticks % resolution;
        if (excess == 0)
        {
            return Ordered(operand.Sql, operand.Sql, parameters.Add(utc), op);
        }

        // The value is finer than what the column can hold (PostgreSQL: microseconds), so no stored value equals it:
        // with v' = v rounded down to the column's resolution, "> v" and ">= v" are "> v'", "< v" and "<= v" are "<= v'".
        var floor = parameters.Add(new DateTime(utc.Ticks - excess, DateTimeKind.Utc));
        return op switch
        {
            ComparisonOperator.Eq => dialect.False,
            ComparisonOperator.Ne => dialect.True,
            ComparisonOperator.Gt or ComparisonOperator.Ge => $"{operand.Sql} > {floor}",
            _ => $"{operand.Sql} <= {floor}",
        };
    }

    private string CompareGuid(SqlOperand operand, ComparisonOperator op, FilterValue value)
    {
        var text = TextOf(value);
        if (op is ComparisonOperator.Eq or ComparisonOperator.Ne)
        {
            // ids are rendered lower-case; caseExact means any other spelling matches nothing.
            var isRendered = Guid.TryParseExact(text, "D", out var id)
                && string.Equals(text, id.ToString(), StringComparison.Ordinal);
            if (!isRendered)
            {
                return op == ComparisonOperator.Eq ? dialect.False : dialect.True;
            }

            return Ordered(operand.Sql, operand.Sql, parameters.Add(id), op);
        }

        var asText = operand with { Sql = dialect.GuidText(operand.Sql), Kind = OperandKind.CaseExactString };
        return CompareString(asText, op, text);
    }

    private string CompareString(SqlOperand operand, ComparisonOperator op, string text)
    {
        if (op is ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew)
        {
            var match = op switch
            {
                ComparisonOperator.Co => StringMatch.Contains,
                ComparisonOperator.Sw => StringMatch.StartsWith,
                _ => StringMatch.EndsWith,
            };
            return operand.Kind switch
            {
                OperandKind.NormalizedString => dialect.CaseInsensitiveMatch(operand.Sql, match, text.ToUpperInvariant(), true, parameters),
                OperandKind.CaseInsensitiveString => dialect.CaseInsensitiveMatch(operand.Sql, match, text, false, parameters),
                _ => dialect.CaseSensitiveMatch(operand.Sql, match, text, parameters),
            };
        }

        var (left, right) = operand.Kind switch
        {
            OperandKind.NormalizedString => (operand.Sql, parameters.Add(text.ToUpperInvariant())),
            OperandKind.CaseInsensitiveString => (dialect.Upper(operand.Sql), dialect.Upper(parameters.Add(text))),
            _ => (operand.Sql, parameters.Add(text)),
        };
        return Ordered(operand.Sql, left, right, op);
    }

    private static string Ordered(string raw, string left, string right, ComparisonOperator op) => op switch
    {
        ComparisonOperator.Eq => $"{left} = {right}",
        ComparisonOperator.Ne => $"({raw} IS NULL OR {left} <> {right})",
        ComparisonOperator.Gt => $"{left} > {right}",
        ComparisonOperator.Ge => $"{left} >= {right}",
        ComparisonOperator.Lt => $"{left} < {right}",
        ComparisonOperator.Le => $"{left} <= {right}",
        _ => throw new UnsupportedFilterException($"Unsupported operator '{Name(op)}'."),
    };

    private SqlOperand ColumnOperand(string column, ColumnComparison comparison, string attributeName) => comparison switch
    {
        ColumnComparison.CaseExact => new(column, OperandKind.CaseExactString, TextPresent(column), attributeName),
        ColumnComparison.CaseInsensitive => new(column, OperandKind.CaseInsensitiveString, TextPresent(column), attributeName),
        ColumnComparison.Normalized => new(column, OperandKind.NormalizedString, TextPresent(column), attributeName),
        ColumnComparison.Boolean => new(column, OperandKind.Boolean, $"{column} IS NOT NULL", attributeName),
        ColumnComparison.DateTime => new(column, OperandKind.DateTime, $"{column} IS NOT NULL", attributeName),
        _ => new(column, OperandKind.Guid, $"{column} IS NOT NULL", attributeName),
    };

    private static string TextPresent(string column) => $"({column} IS NOT NULL AND {column} <> '')";

    private SqlOperand DocumentOperand(string json, IReadOnlyList<string> path, SchemaAttribute attribute, string attributeName)
    {
        var pathParameter = JsonPathParameter(path);
        var present = dialect.JsonPresent(json, pathParameter);
        return attribute.Type switch
        {
            ScimAttributeType.Boolean => new(dialect.JsonBoolean(json, pathParameter), OperandKind.Boolean, present, attributeName),
            ScimAttributeType.String or ScimAttributeType.Reference or ScimAttributeType.Binary => new(
                dialect.JsonText(json, pathParameter),
                attribute.CaseExact ? OperandKind.CaseExactString : OperandKind.CaseInsensitiveString,
                present,
                attributeName),
            _ => throw new UnsupportedFilterException(
                $"Filtering or sorting on '{attributeName}' ({attribute.Type}) is not supported."),
        };
    }

    /// <summary>
    /// A custom extension attribute is kept as sent: either inside its schema object
    /// (<c>{"urn:...:Custom:2.0:User": {"foo": ...}}</c>) or as a URN-qualified key (<c>{"urn:...:User:foo": ...}</c>).
    /// </summary>
    private SqlOperand CustomExtensionOperand(ResolvedAttribute target)
    {
        var nested = JsonPathParameter(target.DocumentPath);
        var flat = JsonPathParameter(
            ResolvedAttribute.Segments([], target.SchemaUrn + ":" + target.AttributeName, target.SubAttributeName));
        var sql = $"COALESCE({dialect.JsonText(DocumentExpression, nested)}, {dialect.JsonText(DocumentExpression, flat)})";
        var present = $"({dialect.JsonPresent(DocumentExpression, nested)} OR {dialect.JsonPresent(DocumentExpression, flat)})";
        return new SqlOperand(sql, OperandKind.CaseInsensitiveString, present, target.FullName);
    }

    private ResolvedAttribute Resolve(string? schemaUrn, string attributeName, string? subAttribute, string context)
    {
        var fullName = (schemaUrn is null ? string.Empty : schemaUrn + ":") + attributeName
            + (subAttribute is null ? string.Empty : "." + subAttribute);
        var resolution = SchemaAttributeResolver.Resolve(mapping.ResourceType, schemaUrn, attributeName, subAttribute);
        if (resolution.IsCustomExtension)
        {
            return new ResolvedAttribute(fullName, resolution.SchemaUrn!, false, null, null, attributeName, subAttribute);
        }

        if (!resolution.IsFound)
        {
            throw new UnsupportedFilterException($"Unknown attribute '{fullName}' in {context}.");
        }

        var attribute = resolution.Parent ?? resolution.Attribute!;
        var sub = resolution.Parent is null ? null : resolution.Attribute;
        var isCore = string.Equals(resolution.SchemaUrn, mapping.ResourceType.Schema, StringComparison.Ordinal);
        return new ResolvedAttribute(fullName, resolution.SchemaUrn!, isCore, attribute, sub, attribute.Name, sub?.Name);
    }

    private void RejectNotInDocument(ResolvedAttribute target)
    {
        if (mapping.IsNotInDocument(target.SchemaUrn, target.AttributeName))
        {
            throw new UnsupportedFilterException($"The attribute '{target.FullName}' cannot be used in a filter or sortBy.");
        }
    }

    private static UnsupportedFilterException ComplexWithoutSubAttribute(string name, SchemaAttribute attribute) =>
        new($"The attribute '{name}' is complex: compare one of its sub-attributes"
            + (attribute.SubAttributes.Count > 0 ? $" (e.g. '{name}.{attribute.SubAttributes[0].Name}')." : "."));

    private string JsonPathParameter(IReadOnlyList<string> segments) => parameters.Add(dialect.JsonPath(segments));

    private string Column(string alias, string column) => alias + "." + dialect.Quote(column);

    private string NextAlias(string prefix) => prefix + (_aliasCount++).ToString(CultureInfo.InvariantCulture);

    private static string TextOf(FilterValue value) => value.Kind switch
    {
        FilterValueKind.String => value.StringValue!,
        FilterValueKind.Number => value.NumberText!,
        FilterValueKind.Boolean => value.BooleanValue == true ? "true" : "false",
        _ => string.Empty,
    };

    private static string Name(ComparisonOperator op) => op.ToString().ToLowerInvariant();
}
