using System.Text.Json.Nodes;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

/// <summary>User request bodies; every argument is optional, and only what is given is sent.</summary>
public static class UserBodies
{
    public const string CoreSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string AcmeSchema = "urn:ietf:params:scim:schemas:extension:Acme:2.0:User";

    public static string NewUserName() => $"user-{Guid.NewGuid():N}@example.com";

    public static JsonObject Minimal(
        string? userName = null,
        JsonNode? active = null,
        string? externalId = null,
        string? displayName = null,
        JsonArray? emails = null,
        JsonObject? enterprise = null,
        JsonObject? acme = null,
        string? password = null)
    {
        var schemas = new JsonArray(CoreSchema);
        var body = new JsonObject
        {
            ["schemas"] = schemas,
            ["userName"] = userName ?? NewUserName(),
        };
        Set(body, "active", active);
        Set(body, "externalId", externalId);
        Set(body, "displayName", displayName);
        Set(body, "emails", emails);
        Set(body, "password", password);
        if (enterprise is not null)
        {
            schemas.Add(EnterpriseSchema);
            body[EnterpriseSchema] = enterprise;
        }

        if (acme is not null)
        {
            schemas.Add(AcmeSchema);
            body[AcmeSchema] = acme;
        }

        return body;
    }

    /// <summary>Every attribute of the core User schema, in its canonical spelling, with the enterprise extension.</summary>
    public static JsonObject Full(string? userName = null, string? password = null)
    {
        var body = Minimal(
            userName,
            active: true,
            externalId: "ext-" + Guid.NewGuid().ToString("N"),
            displayName: "Barbara Jensen",
            emails: new JsonArray(
                new JsonObject { ["value"] = "bjensen@example.com", ["type"] = "work", ["primary"] = true },
                new JsonObject { ["value"] = "babs@jensen.org", ["type"] = "home" }),
            enterprise: Enterprise(),
            password: password);
        body["name"] = new JsonObject
        {
            ["formatted"] = "Ms. Barbara J Jensen, III",
            ["familyName"] = "Jensen",
            ["givenName"] = "Barbara",
            ["middleName"] = "Jane",
            ["honorificPrefix"] = "Ms.",
            ["honorificSuffix"] = "III",
        };
        body["nickName"] = "Babs";
        body["profileUrl"] = "https://login.example.com/bjensen";
        body["title"] = "Tour Guide";
        body["userType"] = "Employee";
        body["preferredLanguage"] = "en-US";
        body["locale"] = "en-US";
        body["timezone"] = "America/Los_Angeles";
        body["phoneNumbers"] = new JsonArray(
            new JsonObject { ["value"] = "555-555-5555", ["type"] = "work", ["primary"] = true },
            new JsonObject { ["value"] = "555-555-4444", ["type"] = "mobile" });
        body["ims"] = new JsonArray(new JsonObject { ["value"] = "someaimhandle", ["type"] = "aim" });
        body["photos"] = new JsonArray(
            new JsonObject { ["value"] = "https://photos.example.com/profilephoto/72930000000Ccne/F", ["type"] = "photo" });
        body["addresses"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "work",
                ["streetAddress"] = "100 Universal City Plaza",
                ["locality"] = "Hollywood",
                ["region"] = "CA",
                ["postalCode"] = "91608",
                ["country"] = "USA",
                ["formatted"] = "100 Universal City Plaza\nHollywood, CA 91608 USA",
                ["primary"] = true,
            });
        body["entitlements"] = new JsonArray(new JsonObject { ["value"] = "Access to the lab", ["type"] = "lab" });
        body["roles"] = new JsonArray(new JsonObject { ["value"] = "Tour Guide", ["type"] = "job", ["primary"] = true });
        body["x509Certificates"] = new JsonArray(
            new JsonObject { ["value"] = "MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMCVVMx" });
        return body;
    }

    public static JsonObject Enterprise(string? managerId = "26118915-6090-4610-87e4-49d8ca9f808d")
    {
        var enterprise = new JsonObject
        {
            ["employeeNumber"] = "701984",
            ["costCenter"] = "4130",
            ["organization"] = "Universal Studios",
            ["division"] = "Theme Park",
            ["department"] = "Tour Operations",
        };
        if (managerId is not null)
        {
            enterprise["manager"] = new JsonObject { ["value"] = managerId };
        }

        return enterprise;
    }

    private static void Set(JsonObject body, string name, JsonNode? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }
}
