using System.Globalization;
using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Querying;
using ScimClean.Domain.Common;

namespace ScimClean.Api.Endpoints.Scim;

/// <summary>Reads list parameters from a query string (GET) or a SearchRequest body (POST .search).</summary>
public static class ListParametersReader
{
    public const string SearchRequestSchema = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    public static Result<ListParameters> FromQuery(IQueryCollection query)
    {
        var startIndex = ReadInteger(query["startIndex"], "startIndex");
        if (startIndex.IsFailure)
        {
            return startIndex.Error!;
        }

        var count = ReadInteger(query["count"], "count");
        if (count.IsFailure)
        {
            return count.Error!;
        }

        return new ListParameters(
            NullIfEmpty(query["filter"]),
            startIndex.Value,
            count.Value,
            NullIfEmpty(query["sortBy"]),
            NullIfEmpty(query["sortOrder"]),
            SplitList(query["attributes"]),
            SplitList(query["excludedAttributes"]));
    }

    public static Result<ListParameters> FromSearchBody(JsonObject body)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in body)
        {
            values[name] = value;
        }

        try
        {
            return new ListParameters(
                ReadString(values, "filter"),
                ReadInteger(values, "startIndex"),
                ReadInteger(values, "count"),
                ReadString(values, "sortBy"),
                ReadString(values, "sortOrder"),
                ReadStringList(values, "attributes"),
                ReadStringList(values, "excludedAttributes"));
        }
        catch (FormatException exception)
        {
            return Error.Validation("scim.invalid_search_request", exception.Message);
        }
    }

    private static Result<int?> ReadInteger(Microsoft.Extensions.Primitives.StringValues raw, string name)
    {
        var text = raw.ToString();
        if (string.IsNullOrEmpty(text))
        {
            return (int?)null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? (int?)value
            : Error.Validation("scim.invalid_parameter", $"{name} must be an integer");
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues raw) =>
        string.IsNullOrEmpty(raw.ToString()) ? null : raw.ToString();

    private static List<string>? SplitList(Microsoft.Extensions.Primitives.StringValues raw) =>
        string.IsNullOrWhiteSpace(raw.ToString())
            ? null
            : raw.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static string? ReadString(Dictionary<string, JsonNode?> values, string name) =>
        values.GetValueOrDefault(name) switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => throw new FormatException($"{name} must be a string"),
        };

    private static int? ReadInteger(Dictionary<string, JsonNode?> values, string name) =>
        values.GetValueOrDefault(name) switch
        {
            null => null,
            JsonValue value when value.TryGetValue<int>(out var number) => number,
            JsonValue value when value.TryGetValue<string>(out var text)
                && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new FormatException($"{name} must be an integer"),
        };

    private static List<string>? ReadStringList(Dictionary<string, JsonNode?> values, string name) =>
        values.GetValueOrDefault(name) switch
        {
            null => null,
            JsonArray array => array.Select(item => item is JsonValue value && value.TryGetValue<string>(out var text)
                ? text
                : throw new FormatException($"{name} must be an array of strings")).ToList(),
            JsonValue value when value.TryGetValue<string>(out var text) => SplitList(text),
            _ => throw new FormatException($"{name} must be an array of strings"),
        };
}
