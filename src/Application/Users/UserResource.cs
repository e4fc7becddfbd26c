using System.Globalization;
using System.Text.Json.Nodes;
using ScimClean.Application.Scim;
using ScimClean.Domain.Users;

namespace ScimClean.Application.Users;

/// <summary>Renders a user as the SCIM API returns it: its document plus id and meta.</summary>
internal static class UserResource
{
    public const string ResourceType = "User";

    public static string LocationOf(string scimBaseUrl, Guid id) => $"{scimBaseUrl}/Users/{id}";

    public static JsonObject Render(User user, string scimBaseUrl)
    {
        var resource = new JsonObject { ["id"] = user.Id.ToString() };
        foreach (var (name, value) in user.Attributes.ToJson().ToList())
        {
            resource[name] = value?.DeepClone();
        }

        resource["meta"] = new JsonObject
        {
            ["resourceType"] = ResourceType,
            ["created"] = Format(user.CreatedAt),
            ["lastModified"] = Format(user.LastModifiedAt),
            ["location"] = LocationOf(scimBaseUrl, user.Id),
            ["version"] = ETag.For(user.Version),
        };
        return resource;
    }

    public static ScimResourceResult ToResult(User user, string scimBaseUrl) =>
        new(Render(user, scimBaseUrl), ETag.For(user.Version), LocationOf(scimBaseUrl, user.Id));

    private static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
