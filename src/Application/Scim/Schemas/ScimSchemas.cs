using static ScimClean.Application.Scim.Schemas.SchemaAttributeFactory;

namespace ScimClean.Application.Scim.Schemas;

/// <summary>
/// The schemas and resource types this service supports, with the attribute characteristics of RFC 7643 §8.7.
/// Deviation: Group.displayName is required and server-unique (case-insensitive per organisation) here.
/// </summary>
public static class ScimSchemas
{
    /// <summary>Attributes every resource carries outside any schema (RFC 7643 §3.1).</summary>
    public static IReadOnlyList<SchemaAttribute> CommonAttributes { get; } =
    [
        new SchemaAttribute
        {
            Name = "id",
            Description = "Unique identifier for the SCIM resource as defined by the service provider.",
            CaseExact = true,
            Mutability = Mutability.ReadOnly,
            Returned = Returned.Always,
            Uniqueness = Uniqueness.Server,
        },
        Text("externalId", "A String that is an identifier for the resource as defined by the provisioning client.", caseExact: true),
        Complex(
            "meta",
            "A complex attribute containing resource metadata.",
            [
                Text("resourceType", "The name of the resource type of the resource.", Mutability.ReadOnly, caseExact: true),
                new SchemaAttribute
                {
                    Name = "created",
                    Type = ScimAttributeType.DateTime,
                    Description = "The DateTime that the resource was added to the service provider.",
                    Mutability = Mutability.ReadOnly,
                },
                new SchemaAttribute
                {
                    Name = "lastModified",
                    Type = ScimAttributeType.DateTime,
                    Description = "The most recent DateTime that the details of this resource were updated at the service provider.",
                    Mutability = Mutability.ReadOnly,
                },
                Reference("location", "The URI of the resource being returned.", ["uri"], Mutability.ReadOnly),
                Text("version", "The version of the resource being returned.", Mutability.ReadOnly, caseExact: true),
            ],
            Mutability.ReadOnly),
    ];

    public static ScimSchema CoreUser { get; } = new(
        ScimSchemaUrns.User,
        "User",
        "User Account",
        [
            new SchemaAttribute
            {
                Name = "userName",
                Description = "Unique identifier for the User, typically used by the user to directly authenticate to the service provider.",
                Required = true,
                Uniqueness = Uniqueness.Server,
            },
            Complex(
                "name",
                "The components of the user's real name.",
                [
                    Text("formatted", "The full name, including all middle names, titles, and suffixes as appropriate, formatted for display."),
                    Text("familyName", "The family name of the User, or last name in most Western languages."),
                    Text("givenName", "The given name of the User, or first name in most Western languages."),
                    Text("middleName", "The middle name(s) of the User."),
                    Text("honorificPrefix", "The honorific prefix(es) of the User, or title in most Western languages."),
                    Text("honorificSuffix", "The honorific suffix(es) of the User, or suffix in most Western languages."),
                ]),
            Text("displayName", "The name of the User, suitable for display to end-users."),
            Text("nickName", "The casual way to address the user in real life."),
            Reference("profileUrl", "A fully qualified URL pointing to a page representing the User's online profile.", ["external"]),
            Text("title", "The user's title, such as \"Vice President\"."),
            Text("userType", "Used to identify the relationship between the organization and the user."),
            Text("preferredLanguage", "Indicates the User's preferred written or spoken language."),
            Text("locale", "Used to indicate the User's default location for purposes of localizing items such as currency, date time format, or numerical representations."),
            Text("timezone", "The User's time zone in the 'Olson' time zone database format, e.g., 'America/Los_Angeles'."),
            Flag("active", "A Boolean value indicating the User's administrative status."),
            new SchemaAttribute
            {
                Name = "password",
                Description = "The User's cleartext password. Never returned.",
                Mutability = Mutability.WriteOnly,
                Returned = Returned.Never,
            },
            MultiValued("emails", "Email addresses for the user.", ["work", "home", "other"]),
            MultiValued("phoneNumbers", "Phone numbers for the User.", ["work", "home", "mobile", "fax", "pager", "other"]),
            MultiValued("ims", "Instant messaging addresses for the User.", ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
            MultiValued("photos", "URLs of photos of the User.", ["photo", "thumbnail"], ScimAttributeType.Reference, ["external"]),
            new SchemaAttribute
            {
                Name = "addresses",
                Type = ScimAttributeType.Complex,
                MultiValued = true,
                Description = "A physical mailing address for this User.",
                SubAttributes =
                [
                    Text("formatted", "The full mailing address, formatted for display or use with a mailing label."),
                    Text("streetAddress", "The full street address component."),
                    Text("locality", "The city or locality component."),
                    Text("region", "The state or region component."),
                    Text("postalCode", "The zip code or postal code component."),
                    Text("country", "The country name component."),
                    new SchemaAttribute
                    {
                        Name = "type",
                        Description = "A label indicating the attribute's function.",
                        CanonicalValues = ["work", "home", "other"],
                    },
                    Flag("primary", "A Boolean value indicating the 'primary' or preferred address. The primary attribute value 'true' MUST appear no more than once."),
                ],
            },
            new SchemaAttribute
            {
                Name = "groups",
                Type = ScimAttributeType.Complex,
                MultiValued = true,
                Description = "A list of groups to which the user belongs, either through direct membership or through nested groups.",
                Mutability = Mutability.ReadOnly,
                SubAttributes =
                [
                    Text("value", "The identifier of the User's group.", Mutability.ReadOnly),
                    Reference("$ref", "The URI of the corresponding 'Group' resource to which the user belongs.", ["User", "Group"], Mutability.ReadOnly),
                    Text("display", "A human-readable name, primarily used for display purposes.", Mutability.ReadOnly),
                    new SchemaAttribute
                    {
                        Name = "type",
                        Description = "A label indicating the attribute's function, e.g., 'direct' or 'indirect'.",
                        Mutability = Mutability.ReadOnly,
                        CanonicalValues = ["direct", "indirect"],
                    },
                ],
            },
            MultiValued("entitlements", "A list of entitlements for the User that represent a thing the User has.", []),
            MultiValued("roles", "A list of roles for the User that collectively represent who the User is.", []),
            MultiValued("x509Certificates", "A list of certificates issued to the User.", [], ScimAttributeType.Binary),
        ]);

    public static ScimSchema EnterpriseUser { get; } = new(
        ScimSchemaUrns.EnterpriseUser,
        "EnterpriseUser",
        "Enterprise User",
        [
            Text("employeeNumber", "Numeric or alphanumeric identifier assigned to a person, typically based on order of hire or association with an organization."),
            Text("costCenter", "Identifies the name of a cost center."),
            Text("organization", "Identifies the name of an organization."),
            Text("division", "Identifies the name of a division."),
            Text("department", "Identifies the name of a department."),
            Complex(
                "manager",
                "The User's manager.",
                [
                    Text("value", "The id of the SCIM resource representing the User's manager."),
                    Reference("$ref", "The URI of the SCIM resource representing the User's manager.", ["User"]),
                    Text("displayName", "The displayName of the User's manager.", Mutability.ReadOnly),
                ]),
        ]);

    public static ScimSchema Group { get; } = new(
        ScimSchemaUrns.Group,
        "Group",
        "Group",
        [
            new SchemaAttribute
            {
                Name = "displayName",
                Description = "A human-readable name for the Group. Unique per organization, compared case-insensitively.",
                Required = true,
                Uniqueness = Uniqueness.Server,
            },
            new SchemaAttribute
            {
                Name = "members",
                Type = ScimAttributeType.Complex,
                MultiValued = true,
                Description = "A list of members of the Group.",
                SubAttributes =
                [
                    Text("value", "Identifier of the member of this Group.", Mutability.Immutable),
                    Reference("$ref", "The URI corresponding to a SCIM resource that is a member of this Group.", ["User", "Group"], Mutability.Immutable),
                    Text("display", "A human-readable name, primarily used for display purposes.", Mutability.Immutable),
                    new SchemaAttribute
                    {
                        Name = "type",
                        Description = "A label indicating the type of resource, e.g., 'User' or 'Group'.",
                        Mutability = Mutability.Immutable,
                        CanonicalValues = ["User", "Group"],
                    },
                ],
            },
        ]);

    public static ResourceTypeDefinition UserResourceType { get; } = new(
        "User",
        "/Users",
        ScimSchemaUrns.User,
        [new SchemaExtensionReference(ScimSchemaUrns.EnterpriseUser, Required: false)],
        "User Account");

    public static ResourceTypeDefinition GroupResourceType { get; } = new(
        "Group",
        "/Groups",
        ScimSchemaUrns.Group,
        [],
        "Group");

    public static IReadOnlyList<ScimSchema> All { get; } = [CoreUser, EnterpriseUser, Group];

    public static IReadOnlyList<ResourceTypeDefinition> ResourceTypes { get; } = [UserResourceType, GroupResourceType];

    /// <summary>Finds a schema of the catalogue by URN, ignoring case; null for custom or unknown URNs.</summary>
    public static ScimSchema? FindSchema(string urn)
    {
        foreach (var schema in All)
        {
            if (string.Equals(schema.Id, urn, StringComparison.OrdinalIgnoreCase))
            {
                return schema;
            }
        }

        return null;
    }

    /// <summary>Finds a resource type by name ("User", "Group"), ignoring case.</summary>
    public static ResourceTypeDefinition? FindResourceType(string name)
    {
        foreach (var resourceType in ResourceTypes)
        {
            if (string.Equals(resourceType.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return resourceType;
            }
        }

        return null;
    }

    /// <summary>The core schema of a resource type.</summary>
    public static ScimSchema CoreSchemaOf(ResourceTypeDefinition resourceType) =>
        FindSchema(resourceType.Schema)
        ?? throw new InvalidOperationException($"Resource type '{resourceType.Name}' refers to unknown schema '{resourceType.Schema}'.");

    /// <summary>The catalogued extension schemas of a resource type, in declaration order.</summary>
    public static IReadOnlyList<ScimSchema> ExtensionSchemasOf(ResourceTypeDefinition resourceType)
    {
        var schemas = new List<ScimSchema>(resourceType.SchemaExtensions.Count);
        foreach (var extension in resourceType.SchemaExtensions)
        {
            if (FindSchema(extension.Schema) is { } schema)
            {
                schemas.Add(schema);
            }
        }

        return schemas;
    }
}
