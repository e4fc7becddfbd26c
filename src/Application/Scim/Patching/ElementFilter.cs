using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Filtering;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Scim.Patching;

/// <summary>
/// Evaluates a value filter (the <c>[...]</c> of a PATCH path) against the elements of a multi-valued complex
/// attribute. Types come from the schema: element values and filter literals are coerced the way the normalizer
/// coerces them (so <c>primary eq "True"</c> matches <c>"primary": true</c>); strings compare case-insensitively
/// unless the sub-attribute is caseExact.
/// </summary>
internal static class ElementFilter
{
    /// <summary>Throws <c>invalidFilter</c> when the filter names unknown sub-attributes or compares incompatibly.</summary>
    public static void Validate(FilterNode filter, SchemaAttribute attribute)
    {
        switch (filter)
        {
            case LogicalFilter logical:
                Validate(logical.Left, attribute);
                Validate(logical.Right, attribute);
                break;
            case NotFilter not:
                Validate(not.Inner, attribute);
                break;
            case ComparisonFilter comparison:
                var sub = SubAttributeOf(comparison, attribute);
                if (sub.Type == ScimAttributeType.Boolean && comparison.Value is { Kind: not FilterValueKind.Null } literal)
                {
                    if (!literal.TryGetBoolean(out _) || comparison.Op is not (ComparisonOperator.Eq or ComparisonOperator.Ne))
                    {
                        throw new PatchException(ScimErrorTypes.InvalidFilter, $"'{attribute.Name}.{sub.Name}' is boolean: only 'eq'/'ne' with true or false apply.");
                    }
                }

                break;
            default:
                throw new PatchException(ScimErrorTypes.InvalidFilter, "Nested value filters are not allowed inside a PATCH path filter.");
        }
    }

    public static bool Matches(FilterNode filter, JsonObject element, SchemaAttribute attribute) => filter switch
    {
        LogicalFilter { Op: LogicalOperator.And } and => Matches(and.Left, element, attribute) && Matches(and.Right, element, attribute),
        LogicalFilter or => Matches(or.Left, element, attribute) || Matches(or.Right, element, attribute),
        NotFilter not => !Matches(not.Inner, element, attribute),
        ComparisonFilter comparison => Compare(comparison, element, SubAttributeOf(comparison, attribute)),
        _ => false,
    };

    /// <summary>
    /// The element a filter describes when nothing matches it: every <c>eq</c> comparison reachable through <c>and</c>
    /// (e.g. <c>type eq "work"</c> → <c>{"type": "work"}</c>), coerced to the sub-attribute's type.
    /// </summary>
    public static JsonObject Seed(FilterNode filter, SchemaAttribute attribute)
    {
        var seed = new JsonObject();
        AddSeed(filter, attribute, seed);
        return seed;
    }

    private static void AddSeed(FilterNode filter, SchemaAttribute attribute, JsonObject seed)
    {
        if (filter is LogicalFilter { Op: LogicalOperator.And } and)
        {
            AddSeed(and.Left, attribute, seed);
            AddSeed(and.Right, attribute, seed);
            return;
        }

        if (filter is not ComparisonFilter { Op: ComparisonOperator.Eq, Value: { } literal } comparison || literal.Kind == FilterValueKind.Null)
        {
            return;
        }

        var sub = SubAttributeOf(comparison, attribute);
        JsonNode? raw = sub.Type == ScimAttributeType.Boolean && literal.TryGetBoolean(out var flag)
            ? JsonValue.Create(flag)
            : literal.Kind switch
            {
                FilterValueKind.String => JsonValue.Create(literal.StringValue),
                FilterValueKind.Number => JsonValue.Create(literal.NumberValue),
                FilterValueKind.Boolean => JsonValue.Create(literal.BooleanValue),
                _ => null,
            };
        if (ScimValueCoercion.Coerce(sub.Type, raw) is { IsValid: true, Value: { } value })
        {
            seed[sub.Name] = value;
        }
    }

    private static SchemaAttribute SubAttributeOf(ComparisonFilter comparison, SchemaAttribute attribute)
    {
        if (comparison.Path.SchemaUrn is not null || comparison.Path.SubAttribute is not null)
        {
            throw new PatchException(ScimErrorTypes.InvalidFilter, $"'{comparison.Path.FullName}' is not a sub-attribute of '{attribute.Name}'.");
        }

        return attribute.FindSubAttribute(comparison.Path.AttributeName)
            ?? throw new PatchException(ScimErrorTypes.InvalidFilter, $"'{attribute.Name}' has no sub-attribute '{comparison.Path.AttributeName}'.");
    }

    private static bool Compare(ComparisonFilter comparison, JsonObject element, SchemaAttribute sub)
    {
        var coerced = ScimValueCoercion.Coerce(sub.Type, JsonMembers.Get(element, sub.Name));
        var actual = coerced.IsValid ? coerced.Value : JsonMembers.Get(element, sub.Name);
        if (comparison.Op == ComparisonOperator.Pr)
        {
            return actual is not null;
        }

        var literal = comparison.Value!;
        if (literal.Kind == FilterValueKind.Null || actual is null)
        {
            var bothNull = literal.Kind == FilterValueKind.Null && actual is null;
            return comparison.Op switch
            {
                ComparisonOperator.Eq => bothNull,
                ComparisonOperator.Ne => !bothNull,
                _ => false,
            };
        }

        return sub.Type switch
        {
            ScimAttributeType.Boolean => CompareBoolean(comparison.Op, actual, literal),
            ScimAttributeType.Integer or ScimAttributeType.Decimal => CompareNumber(comparison.Op, actual, literal),
            ScimAttributeType.DateTime => CompareDateTime(comparison.Op, actual, literal),
            _ => CompareString(comparison.Op, TextOf(actual), LiteralText(literal), sub.CaseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase),
        };
    }

    private static bool CompareBoolean(ComparisonOperator op, JsonNode actual, FilterValue literal)
    {
        if (actual.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False) || !literal.TryGetBoolean(out var expected))
        {
            return op == ComparisonOperator.Ne;
        }

        var equal = (actual.GetValueKind() == JsonValueKind.True) == expected;
        return op switch
        {
            ComparisonOperator.Eq => equal,
            ComparisonOperator.Ne => !equal,
            _ => false,
        };
    }

    private static bool CompareNumber(ComparisonOperator op, JsonNode actual, FilterValue literal)
    {
        var expected = literal.NumberValue
            ?? (decimal.TryParse(literal.StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null);
        if (expected is null || !decimal.TryParse(TextOf(actual), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return op == ComparisonOperator.Ne;
        }

        return Ordered(op, number.CompareTo(expected.Value));
    }

    private static bool CompareDateTime(ComparisonOperator op, JsonNode actual, FilterValue literal)
    {
        if (!DateTimeOffset.TryParse(TextOf(actual), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            || !DateTimeOffset.TryParse(LiteralText(literal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expected))
        {
            return op == ComparisonOperator.Ne;
        }

        return Ordered(op, value.CompareTo(expected));
    }

    private static bool CompareString(ComparisonOperator op, string actual, string expected, StringComparison comparison) => op switch
    {
        ComparisonOperator.Eq => string.Equals(actual, expected, comparison),
        ComparisonOperator.Ne => !string.Equals(actual, expected, comparison),
        ComparisonOperator.Co => actual.Contains(expected, comparison),
        ComparisonOperator.Sw => actual.StartsWith(expected, comparison),
        ComparisonOperator.Ew => actual.EndsWith(expected, comparison),
        _ => Ordered(op, string.Compare(actual, expected, comparison)),
    };

    private static bool Ordered(ComparisonOperator op, int order) => op switch
    {
        ComparisonOperator.Eq => order == 0,
        ComparisonOperator.Ne => order != 0,
        ComparisonOperator.Gt => order > 0,
        ComparisonOperator.Ge => order >= 0,
        ComparisonOperator.Lt => order < 0,
        ComparisonOperator.Le => order <= 0,
        _ => false,
    };

    private static string TextOf(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();

    private static string LiteralText(FilterValue literal) => literal.Kind switch
    {
        FilterValueKind.String => literal.StringValue!,
        FilterValueKind.Number => literal.NumberText!,
        FilterValueKind.Boolean => literal.BooleanValue == true ? "true" : "false",
        _ => string.Empty,
    };
}
