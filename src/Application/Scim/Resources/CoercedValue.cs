using System.Text.Json.Nodes;

namespace ScimClean.Application.Scim.Resources;

/// <summary>Outcome of coercing one value: <see cref="Value"/> is null when the input means "no value".</summary>
internal readonly record struct CoercedValue(JsonNode? Value, bool IsValid)
{
    public static CoercedValue Absent => new(null, true);

    public static CoercedValue Invalid => new(null, false);

    public static CoercedValue Of(JsonNode value) => new(value, true);
}
