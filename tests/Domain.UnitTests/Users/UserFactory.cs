using System.Text.Json.Nodes;
using ScimClean.Domain.Users;

namespace ScimClean.Domain.UnitTests.Users;

internal static class UserFactory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    public static readonly Guid OrganizationId = Guid.Parse("0199b3a0-0000-7000-8000-000000000001");

    public static JsonObject Document(string userName = "ada@contoso.com", bool? active = true, string? displayName = "Ada") =>
        new()
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = userName,
            ["displayName"] = displayName,
            ["active"] = active,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = userName, ["type"] = "work", ["primary"] = true }),
        };

    public static UserAttributes Attributes(JsonObject? document = null) => UserAttributes.From(document ?? Document()).Value;

    public static User Create(JsonObject? document = null)
    {
        var user = User.Create(OrganizationId, Attributes(document), null, Now);
        user.ClearDomainEvents();
        return user;
    }
}
