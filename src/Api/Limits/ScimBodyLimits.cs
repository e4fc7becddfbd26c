using System.Text.Json;
using System.Text.Json.Nodes;
using ScimClean.Application.Scim;
using ScimClean.Domain.Common;

namespace ScimClean.Api.Limits;

/// <summary>
/// Checks a parsed SCIM body against the value limits: no string value or member name longer than
/// <see cref="ScimLimits.MaxAttributeValueLength"/>, no array with more than <see cref="ScimLimits.MaxMultiValuedAttributeValues"/>
/// values (the <c>Operations</c> of a PATCH have their own tooMany limits). The error names the attribute.
/// </summary>
internal static class ScimBodyLimits
{
    private const int MaxPathInDetail = 200;

    public static Error? Check(JsonObject body, ScimLimits limits) => CheckNode(body, string.Empty, limits, countValues: true);

    private static Error? CheckNode(JsonNode? node, string path, ScimLimits limits, bool countValues) => node switch
    {
        JsonObject members => CheckObject(members, path, limits, countValues),
        JsonArray values => CheckArray(values, path, limits, countValues),
        JsonValue value when value.GetValueKind() == JsonValueKind.String
            && value.GetValue<string>().Length > limits.MaxAttributeValueLength => Error.Validation(
                "scim.value_too_long",
                $"the value of '{Shorten(path)}' is longer than {limits.MaxAttributeValueLength} characters"),
        _ => null,
    };

    private static Error? CheckObject(JsonObject members, string path, ScimLimits limits, bool countValues)
    {
        foreach (var (name, value) in members)
        {
            if (name.Length > limits.MaxAttributeValueLength)
            {
                return Error.Validation(
                    "scim.name_too_long",
                    $"an attribute name in '{Shorten(path)}' is longer than {limits.MaxAttributeValueLength} characters");
            }

            var isOperations = path.Length == 0 && name.Equals("Operations", StringComparison.OrdinalIgnoreCase);
            var error = CheckNode(value, path.Length == 0 ? name : $"{path}.{name}", limits, countValues && !isOperations);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static Error? CheckArray(JsonArray values, string path, ScimLimits limits, bool countValues)
    {
        if (countValues && values.Count > limits.MaxMultiValuedAttributeValues)
        {
            return Error.Validation(
                "scim.too_many_values",
                $"'{Shorten(path)}' has {values.Count} values; at most {limits.MaxMultiValuedAttributeValues} are allowed");
        }

        for (var index = 0; index < values.Count; index++)
        {
            var error = CheckNode(values[index], $"{path}[{index}]", limits, countValues);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string Shorten(string path) =>
        path.Length == 0 ? "(body)" : path.Length <= MaxPathInDetail ? path : string.Concat(path.AsSpan(0, MaxPathInDetail), "...");
}
