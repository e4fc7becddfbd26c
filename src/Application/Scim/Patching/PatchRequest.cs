using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Resources;

namespace ScimClean.Application.Scim.Patching;

/// <summary>
/// A PATCH request body (RFC 7644 §3.5.2): <c>{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [...]}</c>.
/// </summary>
/// <remarks>
/// Member names (<c>schemas</c>, <c>Operations</c>, <c>op</c>, <c>path</c>, <c>value</c>) and <c>op</c> values are
/// matched case-insensitively (Entra sends <c>Operations</c> and <c>"op": "Replace"</c>). A body that is not a
/// PatchOp message, or an unknown <c>op</c>, is <c>invalidSyntax</c> (the message does not conform to the request schema,
/// RFC 7644 §3.12). A non-string <c>path</c> is <c>invalidPath</c>. Limits are <c>tooMany</c>.
/// </remarks>
public sealed record PatchRequest(IReadOnlyList<PatchOperation> Operations)
{
    /// <summary>The PatchOp message schema URN.</summary>
    public const string PatchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary>Parses and validates the envelope of a PATCH body. Paths and values are checked by <see cref="ScimPatchEngine"/>.</summary>
    public static bool TryParse(
        JsonObject body,
        [NotNullWhen(true)] out PatchRequest? request,
        [NotNullWhen(false)] out PatchError? error,
        PatchLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        limits ??= PatchLimits.Default;
        request = null;
        if (!HasPatchOpSchema(JsonMembers.Get(body, "schemas")))
        {
            error = new PatchError(ScimErrorTypes.InvalidSyntax, $"The request body must be a PatchOp message (\"schemas\": [\"{PatchOpSchema}\"]).");
            return false;
        }

        if (JsonMembers.Get(body, "Operations") is not JsonArray operations || operations.Count == 0)
        {
            error = new PatchError(ScimErrorTypes.InvalidSyntax, "\"Operations\" must be a non-empty array.");
            return false;
        }

        if (operations.Count > limits.MaxOperations)
        {
            error = new PatchError(ScimErrorTypes.TooMany, $"A PATCH request may contain at most {limits.MaxOperations} operations; it has {operations.Count}.");
            return false;
        }

        var parsed = new List<PatchOperation>(operations.Count);
        for (var index = 0; index < operations.Count; index++)
        {
            if (!TryParseOperation(operations[index], index, limits, out var operation, out error))
            {
                return false;
            }

            parsed.Add(operation);
        }

        request = new PatchRequest(parsed);
        error = null;
        return true;
    }

    private static bool TryParseOperation(
        JsonNode? node,
        int index,
        PatchLimits limits,
        [NotNullWhen(true)] out PatchOperation? operation,
        [NotNullWhen(false)] out PatchError? error)
    {
        operation = null;
        if (node is not JsonObject item)
        {
            error = new PatchError(ScimErrorTypes.InvalidSyntax, $"Operation {index} must be an object.");
            return false;
        }

        var opText = JsonMembers.Get(item, "op") is JsonValue opValue && opValue.GetValueKind() == JsonValueKind.String ? opValue.GetValue<string>() : null;
        if (!TryParseOp(opText, out var op))
        {
            error = new PatchError(ScimErrorTypes.InvalidSyntax, $"Operation {index}: \"op\" must be \"add\", \"replace\" or \"remove\".");
            return false;
        }

        string? path = null;
        switch (JsonMembers.Get(item, "path"))
        {
            case null:
                break;
            case JsonValue pathValue when pathValue.GetValueKind() == JsonValueKind.String:
                path = pathValue.GetValue<string>();
                break;
            case JsonValue pathValue when pathValue.GetValueKind() == JsonValueKind.Null:
                break;
            default:
                error = new PatchError(ScimErrorTypes.InvalidPath, $"Operation {index}: \"path\" must be a string.");
                return false;
        }

        var value = JsonMembers.Get(item, "value");
        if (CountValues(value) > limits.MaxValuesPerOperation)
        {
            error = new PatchError(ScimErrorTypes.TooMany, $"Operation {index}: at most {limits.MaxValuesPerOperation} values are allowed per operation.");
            return false;
        }

        operation = new PatchOperation(op, string.IsNullOrWhiteSpace(path) ? null : path, value);
        error = null;
        return true;
    }

    private static bool TryParseOp(string? text, out PatchOperationType op)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "add":
                op = PatchOperationType.Add;
                return true;
            case "replace":
                op = PatchOperationType.Replace;
                return true;
            case "remove":
                op = PatchOperationType.Remove;
                return true;
            default:
                op = default;
                return false;
        }
    }

    private static bool HasPatchOpSchema(JsonNode? schemas) =>
        schemas is JsonArray array
        && array.Any(item => item is JsonValue value
            && value.GetValueKind() == JsonValueKind.String
            && string.Equals(value.GetValue<string>(), PatchOpSchema, StringComparison.OrdinalIgnoreCase));

    /// <summary>The largest array in the value: the value itself, or any member of a path-less value object.</summary>
    private static int CountValues(JsonNode? value) => value switch
    {
        JsonArray array => array.Count,
        JsonObject members => members.Select(member => member.Value is JsonArray array ? array.Count : 0).DefaultIfEmpty(0).Max(),
        _ => 0,
    };
}
