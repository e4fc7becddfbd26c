using ScimClean.Application.Scim.Querying;

namespace ScimClean.Api.IntegrationTests.Persistence;

public sealed class UserQueriesFilterTests(UserQueryDatabase database) : IClassFixture<UserQueryDatabase>
{
    [Theory]
    // eq / ne on userName: case-insensitive attribute names and values, core URN prefix.
    [InlineData("userName eq \"alice@contoso.com\"", "alice")]
    [InlineData("USERNAME Eq \"ALICE@CONTOSO.COM\"", "alice")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"BOB@contoso.com\"", "bob")]
    [InlineData("userName ne \"alice@contoso.com\"", "bob,carol,dave")]
    // co / sw / ew, with LIKE wildcards in the value taken literally.
    [InlineData("userName co \"CONTOSO\"", "alice,bob,carol,dave")]
    [InlineData("userName sw \"B\"", "bob")]
    [InlineData("userName ew \"@Contoso.com\"", "alice,bob,carol,dave")]
    [InlineData("userName co \"_50%\"", "carol")]
    [InlineData("userName co \"%\"", "carol")]
    [InlineData("userName sw \"_\"", "")]
    [InlineData("userName co \"l_c\"", "")]
    // gt / ge / lt / le compare the upper-case normalized userName.
    [InlineData("userName gt \"bob@contoso.com\"", "carol,dave")]
    [InlineData("userName ge \"BOB@contoso.com\"", "bob,carol,dave")]
    [InlineData("userName lt \"bob@contoso.com\"", "alice")]
    [InlineData("userName le \"bob@contoso.com\"", "alice,bob")]
    // pr: present and not empty ("" is not present).
    [InlineData("title pr", "alice")]
    [InlineData("externalId pr", "alice,bob,dave")]
    [InlineData("name pr", "alice,bob,carol")]
    [InlineData("name.givenName pr", "alice,bob,carol")]
    [InlineData("emails pr", "alice,bob,carol")]
    // ne: a missing attribute counts as "not equal".
    [InlineData("title ne \"engineer\"", "bob,carol,dave")]
    [InlineData("title eq \"ENGINEER\"", "alice")]
    // caseExact externalId (GLOB wildcards in the value taken literally) vs case-insensitive displayName.
    [InlineData("externalId eq \"EXT-Alice\"", "alice")]
    [InlineData("externalId eq \"ext-alice\"", "")]
    [InlineData("externalId sw \"ext\"", "bob")]
    [InlineData("externalId co \"*[1]?\"", "dave")]
    [InlineData("externalId ew \"?\"", "dave")]
    [InlineData("externalId co \"*\"", "dave")]
    [InlineData("displayName eq \"ALICE ADAMS\"", "alice")]
    [InlineData("displayName co \"CARTER\"", "carol")]
    // Sub-attributes.
    [InlineData("name.givenName eq \"alice\"", "alice")]
    [InlineData("NAME.FAMILYNAME sw \"b\"", "bob")]
    [InlineData("name[givenName eq \"carol\"]", "carol")]
    // Booleans, including Entra's quoted "True"/"False".
    [InlineData("active eq true", "alice,carol,dave")]
    [InlineData("active eq \"False\"", "bob")]
    [InlineData("active ne true", "bob")]
    // Multi-valued emails: side table (value/type/primary) and json_each fallback (display).
    [InlineData("emails.value eq \"ALICE@contoso.com\"", "alice")]
    [InlineData("emails[type eq \"work\"].value eq \"bob@FABRIKAM.com\"", "bob")]
    [InlineData("emails[type eq \"work\"].value eq \"carol@contoso.com\"", "")]
    [InlineData("emails[value eq \"carol@contoso.com\"]", "carol")]
    [InlineData("emails[type eq \"work\" and value co \"@contoso\"]", "alice")]
    [InlineData("emails[type eq \"home\" or primary eq true]", "alice,bob,carol")]
    [InlineData("emails[primary eq \"True\"]", "alice,bob")]
    [InlineData("emails[not (type eq \"work\")]", "alice,carol")]
    [InlineData("emails.value ew \".EXAMPLE\"", "alice")]
    [InlineData("emails.value ne \"alice@contoso.com\"", "bob,carol,dave")]
    [InlineData("emails[display co \"AT HOME\"]", "alice")]
    [InlineData("emails[display pr and type eq \"home\"]", "alice")]
    [InlineData("emails.display pr", "alice")]
    // Extension attributes: URN-qualified, un-prefixed, complex sub-attributes, custom extensions (both storage forms).
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"1002\"", "bob")]
    [InlineData("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:EMPLOYEENUMBER eq \"1002\"", "bob")]
    [InlineData("employeeNumber sw \"100\"", "alice,bob")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"mgr-1\"", "alice")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr", "alice")]
    [InlineData("urn:ietf:params:scim:schemas:extension:Custom:2.0:User:costCode eq \"x-1\"", "bob")]
    [InlineData("urn:ietf:params:scim:schemas:extension:Custom:2.0:User:costCode co \"-\"", "bob,carol")]
    [InlineData("urn:ietf:params:scim:schemas:extension:Custom:2.0:User:costCode pr", "bob,carol")]
    // Dates on the meta columns, parsed as xsd:dateTime and compared in UTC.
    [InlineData("meta.lastModified gt \"2026-01-01T00:00:00Z\"", "carol,dave")]
    [InlineData("meta.created le \"2025-06-01T00:00:00Z\"", "alice")]
    [InlineData("meta.created eq \"2025-06-01T02:00:00+02:00\"", "alice")]
    [InlineData("meta.created ge \"2025-12-01T00:00:00.0000001Z\"", "carol,dave")]
    [InlineData("meta.created lt \"2025-12-01T00:00:00Z\" or meta.created gt \"2026-02-15T00:00:00Z\"", "alice,dave")]
    // and / or / not precedence (and binds tighter; parentheses override).
    [InlineData("userName sw \"a\" or userName sw \"b\" and active eq true", "alice")]
    [InlineData("(userName sw \"a\" or userName sw \"b\") and active eq false", "bob")]
    [InlineData("userName sw \"b\" or userName sw \"a\" and active eq true", "alice,bob")]
    [InlineData("not (userName sw \"a\" or active eq false)", "carol,dave")]
    [InlineData("not (title eq \"Engineer\")", "bob,carol,dave")]
    [InlineData("not (emails[type eq \"work\"])", "carol,dave")]
    public async Task Filter_ShouldReturnTheMatchingUsersOfTheOrganization(string filter, string expected)
    {
        var (total, names) = await database.ListAsync(PersistenceDatabase.Query(filter));

        Assert.Equal(Expected(expected), names);
        Assert.Equal(names.Count, total);
    }

    [Fact]
    public async Task Filter_OnId_ShouldBeCaseExact()
    {
        var id = database.AliceId.ToString();

        Assert.Equal(["alice"], (await database.ListAsync(PersistenceDatabase.Query($"id eq \"{id}\""))).Names);
        Assert.Empty((await database.ListAsync(PersistenceDatabase.Query($"id eq \"{id.ToUpperInvariant()}\""))).Names);
        Assert.Equal(["bob", "carol", "dave"], (await database.ListAsync(PersistenceDatabase.Query($"id ne \"{id}\""))).Names);
        Assert.Equal(["alice"], (await database.ListAsync(PersistenceDatabase.Query($"id sw \"{id[..13]}\""))).Names);
        Assert.Empty((await database.ListAsync(PersistenceDatabase.Query("id eq \"not-a-guid\""))).Names);
    }

    [Fact]
    public async Task Filter_ShouldNeverReturnAnotherOrganizationsUsers()
    {
        var inA = await database.ListAsync(database.OrganizationA, PersistenceDatabase.Query("userName eq \"alice@contoso.com\""));
        var inB = await database.ListAsync(database.OrganizationB, PersistenceDatabase.Query("userName eq \"alice@contoso.com\""));
        var emailsInB = await database.ListAsync(database.OrganizationB, PersistenceDatabase.Query("emails[type eq \"work\"].value eq \"alice@contoso.com\""));
        var allInB = await database.ListAsync(database.OrganizationB, PersistenceDatabase.Query(null));
        var unknown = await database.ListAsync(Guid.NewGuid(), PersistenceDatabase.Query("userName pr"));

        Assert.Equal(["alice"], inA.Names);
        Assert.Equal(["alice-b"], inB.Names);
        Assert.Equal(["alice-b"], emailsInB.Names);
        Assert.Equal(1, allInB.Total);
        Assert.Equal(["alice-b"], allInB.Names);
        Assert.Equal(0, unknown.Total);
    }

    [Theory]
    [InlineData("foo eq \"x\"", "foo")]
    [InlineData("name.middle eq \"x\"", "name.middle")]
    [InlineData("emails.foo eq \"x\"", "emails.foo")]
    [InlineData("emails[foo eq \"x\"]", "emails.foo")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq \"x\"", "displayName")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:nope eq \"x\"", "nope")]
    [InlineData("name eq \"x\"", "complex")]
    [InlineData("emails eq \"x\"", "complex")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq \"x\"", "complex")]
    [InlineData("active gt true", "boolean")]
    [InlineData("active eq \"yes\"", "boolean")]
    [InlineData("emails[primary lt true]", "boolean")]
    [InlineData("meta.created gt \"yesterday\"", "dateTime")]
    [InlineData("meta.lastModified co \"2026\"", "dateTime")]
    [InlineData("password eq \"x\"", "password")]
    [InlineData("groups.value eq \"x\"", "groups")]
    [InlineData("meta.version eq \"x\"", "meta.version")]
    public async Task Filter_ThatCannotBeEvaluated_ShouldThrowUnsupportedFilter(string filter, string messagePart)
    {
        var exception = await Assert.ThrowsAsync<UnsupportedFilterException>(
            () => database.ListAsync(PersistenceDatabase.Query(filter)));

        Assert.Contains(messagePart, exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> Expected(string names) =>
        names.Length == 0 ? [] : [.. names.Split(',')];
}
