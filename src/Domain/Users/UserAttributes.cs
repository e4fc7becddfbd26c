using System.Text.Json.Nodes;

namespace ScimClean.Domain.Users;

/// <summary>
/// The SCIM attributes of a user as the client may write them (no id, meta, groups or password), checked
/// against the invariants every user must keep. The document is a private copy; nobody can change it afterwards.
/// </summary>
public sealed class UserAttributes
{
    public const int MaxUserNameLength = 512;
    private const string UserNameKey = "userName";
    private const string ExternalIdKey = "externalId";
    private const string DisplayNameKey = "displayName";
    private const string ActiveKey = "active";

    private readonly JsonObject _document;

    private UserAttributes(JsonObject document, string userName, string? externalId, string? displayName, bool active)
    {
        _document = document;
        UserName = userName;
        ExternalId = externalId;
        DisplayName = displayName;
        Active = active;
    }

    public string UserName { get; }

    public string? ExternalId { get; }

    public string? DisplayName { get; }

    /// <summary>SCIM's default: a user whose active attribute is absent is active.</summary>
    public bool Active { get; }

    public static Result<UserAttributes> From(JsonObject document) => Check((JsonObject)document.DeepClone());

    /// <summary>
    /// The attributes of a stored document (written by <see cref="Serialize"/>): parsed into a tree nobody else holds, so
    /// checked without the copy <see cref="From"/> makes.
    /// </summary>
    /// <remarks>
    /// Such a document was checked before it was written and has not changed since, so it is not checked again: on a
    /// <c>GET /Users/{id}</c> the checks cost about a tenth of the request. A document without a userName (not one
    /// <see cref="Serialize"/> wrote) still goes through the checks, which refuse it.
    /// </remarks>
    internal static UserAttributes Parse(string document)
    {
        var parsed = JsonNode.Parse(document)!.AsObject();
        if (ReadString(parsed, UserNameKey) is not { } userName || parsed[ActiveKey] is not JsonValue activeValue
            || !activeValue.TryGetValue<bool>(out var active))
        {
            return Check(parsed).Value;
        }

        return new UserAttributes(parsed, userName, ReadString(parsed, ExternalIdKey), ReadString(parsed, DisplayNameKey), active);
    }

    /// <summary>Checks the invariants on a tree this instance may keep; the caller hands it over.</summary>
    private static Result<UserAttributes> Check(JsonObject copy)
    {
        copy.Remove("id");
        copy.Remove("meta");
        copy.Remove("groups");
        copy.Remove("password");

        if (ReadString(copy, UserNameKey) is not { } userName || string.IsNullOrWhiteSpace(userName))
        {
            return UserErrors.UserNameRequired;
        }

        if (userName.Length > MaxUserNameLength)
        {
            return UserErrors.UserNameTooLong(MaxUserNameLength);
        }

        foreach (var (name, value) in copy)
        {
            if (value is JsonArray values && CountPrimaries(values) > 1)
            {
                return UserErrors.MoreThanOnePrimary(name);
            }
        }

        // SCIM's default is active; writing it down keeps "absent" and "true" from looking like a change.
        var active = copy[ActiveKey] is JsonValue activeValue && activeValue.TryGetValue<bool>(out var flag) ? flag : true;
        copy[ActiveKey] = active;
        return new UserAttributes(copy, userName, ReadString(copy, ExternalIdKey), ReadString(copy, DisplayNameKey), active);
    }

    /// <summary>A copy of the document; callers may change it freely.</summary>
    public JsonObject ToJson() => (JsonObject)_document.DeepClone();

    internal string Serialize() => _document.ToJsonString();

    internal JsonNode? Get(string name) => _document[name];

    internal IEnumerable<string> Names => _document.Select(pair => pair.Key);

    public static string NormalizeUserName(string userName) => userName.Trim().ToUpperInvariant();

    private static string? ReadString(JsonObject document, string key) =>
        document[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int CountPrimaries(JsonArray values) => values.Count(item =>
        item is JsonObject element
        && element["primary"] is JsonValue primary
        && primary.TryGetValue<bool>(out var isPrimary)
        && isPrimary);
}
