using ScimClean.Application.Scim.Schemas;
using ScimClean.Infrastructure.Persistence.Configurations;

namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>Where the User resource type lives: the <c>Users</c> table, its promoted columns and <c>UserValues</c>.</summary>
internal static class UserTableMapping
{
    public static ResourceTableMapping Instance { get; } = new()
    {
        ResourceType = ScimSchemas.UserResourceType,
        TableName = "Users",
        IdColumn = "Id",
        OrganizationColumn = "OrganizationId",
        DocumentColumn = UserConfiguration.DocumentColumn,
        PromotedAttributes =
        [
            Promoted("id", null, "Id", ColumnComparison.Guid),
            Promoted("externalId", null, "ExternalId", ColumnComparison.CaseExact),
            Promoted("userName", null, "NormalizedUserName", ColumnComparison.Normalized),
            Promoted("displayName", null, "DisplayName", ColumnComparison.CaseInsensitive),
            Promoted("active", null, "Active", ColumnComparison.Boolean),
            Promoted("meta", "created", "CreatedAt", ColumnComparison.DateTime),
            Promoted("meta", "lastModified", "LastModifiedAt", ColumnComparison.DateTime),
        ],
        MultiValuedTables =
        [
            new MultiValuedTableMapping(
                ScimSchemaUrns.User,
                "emails",
                UserValueRecordConfiguration.TableName,
                nameof(UserValueRecord.UserId),
                nameof(UserValueRecord.OrganizationId),
                nameof(UserValueRecord.Attribute),
                "emails",
                new Dictionary<string, ColumnMapping>(StringComparer.OrdinalIgnoreCase)
                {
                    ["value"] = new(nameof(UserValueRecord.NormalizedValue), ColumnComparison.Normalized),
                    ["type"] = new(nameof(UserValueRecord.Type), ColumnComparison.CaseInsensitive),
                    ["primary"] = new(nameof(UserValueRecord.IsPrimary), ColumnComparison.Boolean),
                },
                StoredInDocument: true),
        ],
        // Not in the document: meta's other sub-attributes are computed, groups come from memberships (a future
        // MultiValuedTableMapping over the membership table with StoredInDocument false), password is never stored.
        AttributesNotInDocument = new HashSet<string>(["meta", "groups", "password"], StringComparer.OrdinalIgnoreCase),
    };

    private static PromotedAttribute Promoted(string name, string? sub, string column, ColumnComparison comparison) =>
        new(ScimSchemaUrns.User, name, sub, new ColumnMapping(column, comparison));
}
