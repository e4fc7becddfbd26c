using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Scim.Resources;

/// <summary>
/// Converts one simple (non-complex) JSON value to the type a schema attribute declares, leniently:
/// Entra sends booleans and numbers as strings. Null and "" mean "no value".
/// </summary>
internal static class ScimValueCoercion
{
    public static CoercedValue Coerce(ScimAttributeType type, JsonNode? node)
    {
        if (node is null)
        {
            return CoercedValue.Absent;
        }

        if (node is not JsonValue value)
        {
            return CoercedValue.Invalid;
        }

        var kind = value.GetValueKind();
        if (kind == JsonValueKind.Null)
        {
            return CoercedValue.Absent;
        }

        if (kind == JsonValueKind.String && value.GetValue<string>().Length == 0)
        {
            return CoercedValue.Absent;
        }

        return type switch
        {
            ScimAttributeType.String => kind == JsonValueKind.String ? CoercedValue.Of(value.DeepClone()) : CoercedValue.Of(JsonValue.Create(value.ToJsonString())),
            ScimAttributeType.Reference => kind == JsonValueKind.String ? CoercedValue.Of(value.DeepClone()) : CoercedValue.Invalid,
            ScimAttributeType.Binary => ToBinary(value, kind),
            ScimAttributeType.Boolean => ToBoolean(value, kind),
            ScimAttributeType.Integer => ToInteger(value, kind),
            ScimAttributeType.Decimal => ToDecimal(value, kind),
            ScimAttributeType.DateTime => ToDateTime(value, kind),
            _ => CoercedValue.Invalid,
        };
    }

    private static CoercedValue ToBoolean(JsonValue value, JsonValueKind kind) => kind switch
    {
        JsonValueKind.True => CoercedValue.Of(JsonValue.Create(true)),
        JsonValueKind.False => CoercedValue.Of(JsonValue.Create(false)),
        JsonValueKind.String when bool.TryParse(value.GetValue<string>().Trim(), out var flag) => CoercedValue.Of(JsonValue.Create(flag)),
        _ => CoercedValue.Invalid,
    };

    private static CoercedValue ToInteger(JsonValue value, JsonValueKind kind)
    {
        var text = NumberText(value, kind);
        return text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? CoercedValue.Of(JsonValue.Create(number))
            : CoercedValue.Invalid;
    }

    private static CoercedValue ToDecimal(JsonValue value, JsonValueKind kind)
    {
        var text = NumberText(value, kind);
        return text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? CoercedValue.Of(JsonValue.Create(number))
            : CoercedValue.Invalid;
    }

    private static CoercedValue ToDateTime(JsonValue value, JsonValueKind kind) =>
        kind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
            ? CoercedValue.Of(value.DeepClone())
            : CoercedValue.Invalid;

    private static CoercedValue ToBinary(JsonValue value, JsonValueKind kind)
    {
        if (kind != JsonValueKind.String)
        {
            return CoercedValue.Invalid;
        }

        var text = value.GetValue<string>();
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _) ? CoercedValue.Of(value.DeepClone()) : CoercedValue.Invalid;
    }

    private static string? NumberText(JsonValue value, JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => value.ToJsonString(),
        JsonValueKind.String => value.GetValue<string>().Trim(),
        _ => null,
    };
}
