using System.Text.Json.Nodes;

namespace ScimClean.Domain.Groups;

/// <summary>
/// The client-writable attributes of a group other than its members, which live in rows of their own so that
/// a 50,000-member group changes one row per membership change.
/// </summary>
public sealed class GroupAttributes
{
    public const int MaxDisplayNameLength = 512;

    private readonly JsonObject _document;

    private GroupAttributes(JsonObject document, string displayName, string? externalId)
    {
        _document = document;
        DisplayName = displayName;
        ExternalId = externalId;
    }

    public string DisplayName { get; }

    public string? ExternalId { get; }

    public static Result<GroupAttributes> From(JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        copy.Remove("id");
        copy.Remove("meta");
        copy.Remove("members");

        if (ReadString(copy, "displayName") is not { } displayName || string.IsNullOrWhiteSpace(displayName))
        {
            return GroupErrors.DisplayNameRequired;
        }

        if (displayName.Length > MaxDisplayNameLength)
        {
            return GroupErrors.DisplayNameTooLong(MaxDisplayNameLength);
        }

        return new GroupAttributes(copy, displayName, ReadString(copy, "externalId"));
    }

    public static string NormalizeDisplayName(string displayName) => displayName.Trim().ToUpperInvariant();

    public JsonObject ToJson() => (JsonObject)_document.DeepClone();

    internal string Serialize() => _document.ToJsonString();

    internal JsonNode? Get(string name) => _document[name];

    internal IEnumerable<string> Names => _document.Select(pair => pair.Key);

    private static string? ReadString(JsonObject document, string key) =>
        document[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
