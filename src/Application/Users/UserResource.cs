using System.Text.Json.Nodes;
using ScimClean.Application.Scim;
using ScimClean.Domain.Users;

namespace ScimClean.Application.Users;

/// <summary>Renders a user as the SCIM API returns it: its document plus id and meta.</summary>
internal static class UserResource
{
    public const string ResourceType = "User";

    public static string LocationOf(string scimBaseUrl, Guid id) => $"{scimBaseUrl}/Users/{id}";

    public static string GroupLocationOf(string scimBaseUrl, Guid groupId) => $"{scimBaseUrl}/Groups/{groupId}";

    // ToJson hands out a fresh copy, which Assemble may take apart.
    public static JsonObject Render(User user, string scimBaseUrl, IReadOnlyList<UserGroupView>? groups) => Assemble(
        user.Id, user.Attributes.ToJson(), groups, user.CreatedAt, user.LastModifiedAt, user.Version, scimBaseUrl);

    /// <summary>A stored user as a tree: what <see cref="StoredUserBody"/> writes without building one.</summary>
    public static JsonObject Render(StoredUserDocument user, string scimBaseUrl) => Assemble(
        user.Id,
        JsonNode.Parse(user.Attributes.Span)!.AsObject(),
        user.Groups,
        user.CreatedAt,
        user.LastModifiedAt,
        user.Version,
        scimBaseUrl);

    public static ScimResourceResult ToResult(User user, string scimBaseUrl, IReadOnlyList<UserGroupView>? groups) =>
        new(Render(user, scimBaseUrl, groups), ETag.For(user.Version), LocationOf(scimBaseUrl, user.Id));

    /// <summary>Renders a stored user with its groups, read from the database.</summary>
    public static async Task<ScimResourceResult> ToResultAsync(
        User user,
        string scimBaseUrl,
        IUserGroupQueries groupQueries,
        CancellationToken cancellationToken)
    {
        var groups = await groupQueries.ListGroupsOfAsync(user.OrganizationId, [user.Id], cancellationToken);
        return ToResult(user, scimBaseUrl, groups.GetValueOrDefault(user.Id));
    }

    /// <summary>id, then the attributes (whose nodes are moved over, not cloned), then groups and meta.</summary>
    private static JsonObject Assemble(
        Guid id,
        JsonObject attributes,
        IReadOnlyList<UserGroupView>? groups,
        DateTimeOffset createdAt,
        DateTimeOffset lastModifiedAt,
        long version,
        string scimBaseUrl)
    {
        var resource = new JsonObject { ["id"] = id.ToString() };
        foreach (var name in attributes.Select(pair => pair.Key).ToList())
        {
            attributes.Remove(name, out var value);
            resource[name] = value;
        }

        if (groups is { Count: > 0 })
        {
            var array = new JsonArray();
            foreach (var group in groups)
            {
                array.Add(new JsonObject
                {
                    ["value"] = group.GroupId.ToString(),
                    ["$ref"] = GroupLocationOf(scimBaseUrl, group.GroupId),
                    ["display"] = group.Display,
                    ["type"] = "direct",
                });
            }

            resource["groups"] = array;
        }

        resource["meta"] = ScimMeta.Create(ResourceType, createdAt, lastModifiedAt, LocationOf(scimBaseUrl, id), version);
        return resource;
    }
}
