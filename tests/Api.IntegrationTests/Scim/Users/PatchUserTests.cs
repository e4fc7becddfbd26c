using System.Text.Json.Nodes;
using ScimClean.Api.IntegrationTests.Infrastructure;
using static ScimClean.Api.IntegrationTests.Scim.Users.PatchBodies;
using static ScimClean.Api.IntegrationTests.Scim.Users.ScimResponseAssertions;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

/// <summary>Every request shape Entra ID sends, in both its dialects (with and without ?aadOptscim062020).</summary>
public sealed class PatchUserTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    private const string Enterprise = UserBodies.EnterpriseSchema;

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_WithOpNamesInAnyCase_ShouldApplyEachOne(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(displayName: "Before", externalId: "ext-1"));

        var patched = await scim.PatchUserJsonAsync(id, PatchOp(
            Op("Add", "title", "Engineer"),
            Op("Replace", "displayName", "After"),
            Op("Remove", "externalId", hasValue: false)), dialect);

        foreach (var user in new[] { patched, await scim.GetUserJsonAsync(id) })
        {
            Assert.Equal("Engineer", user["title"]!.GetValue<string>());
            Assert.Equal("After", user["displayName"]!.GetValue<string>());
            Assert.Null(user["externalId"]);
            Assert.Equal(id, user["id"]!.GetValue<string>());
            Assert.Equal("W/\"2\"", user["meta"]!["version"]!.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_WithAttributeNamesInAnyCase_ShouldWriteTheSchemaSpelling(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "old@example.com", ["type"] = "work", ["primary"] = true })));
        var userName = UserBodies.NewUserName();

        var patched = await scim.PatchUserJsonAsync(id, PatchOp(
            Op("Replace", "UserName", userName),
            Op("Replace", "emails[type eq \"work\"].Value", "new@example.com"),
            Op("Replace", "NAME.GIVENNAME", "Ann")), dialect);

        Assert.Equal(userName, patched["userName"]!.GetValue<string>());
        Assert.Null(patched["UserName"]);
        AssertJsonEqual(
            new JsonArray(new JsonObject { ["value"] = "new@example.com", ["type"] = "work", ["primary"] = true }),
            patched["emails"]);
        AssertJsonEqual(new JsonObject { ["givenName"] = "Ann" }, patched["name"]);
        AssertJsonEqual(patched, await scim.GetUserJsonAsync(id));
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_ReplaceActiveWithAStringBoolean_ShouldDeactivateAndKeepTheUserVisible(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(active: true));

        var patched = await scim.PatchUserJsonAsync(id, Patch("Replace", "active", "False"), dialect);

        Assert.False(patched["active"]!.GetValue<bool>());
        Assert.False((await scim.GetUserJsonAsync(id))["active"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_PathlessReplaceOfActive_ShouldDeactivate(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(active: true, displayName: "Kept"));

        var patched = await scim.PatchUserJsonAsync(id, Patch("replace", null, new JsonObject { ["active"] = false }), dialect);

        Assert.False(patched["active"]!.GetValue<bool>());
        Assert.Equal("Kept", patched["displayName"]!.GetValue<string>());
        Assert.False((await scim.GetUserJsonAsync(id))["active"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_PathlessReplaceWithDottedAndUrnKeys_ShouldSetTheSubAndExtensionAttributes(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal());

        var patched = await scim.PatchUserJsonAsync(id, Patch("replace", null, new JsonObject
        {
            ["name.givenName"] = "A",
            [$"{Enterprise}:employeeNumber"] = "7",
        }), dialect);

        foreach (var user in new[] { patched, await scim.GetUserJsonAsync(id) })
        {
            AssertJsonEqual(new JsonObject { ["givenName"] = "A" }, user["name"]);
            AssertJsonEqual(new JsonObject { ["employeeNumber"] = "7" }, user[Enterprise]);
            Assert.Contains(Enterprise, user["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
            Assert.Null(user["name.givenName"]);
            Assert.Null(user[$"{Enterprise}:employeeNumber"]);
        }
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_WorkEmailByFilterOnAUserWithoutEmails_ShouldAddIt(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal());

        var patched = await scim.PatchUserJsonAsync(id, Patch("Add", "emails[type eq \"work\"].value", "w@example.com"), dialect);

        AssertJsonEqual(new JsonArray(new JsonObject { ["type"] = "work", ["value"] = "w@example.com" }), patched["emails"]);
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_WorkEmailByFilter_ShouldReplaceOnlyTheWorkEmail(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "w@example.com", ["type"] = "work", ["primary"] = true },
            new JsonObject { ["value"] = "h@example.com", ["type"] = "home" })));

        var patched = await scim.PatchUserJsonAsync(id, Patch("Replace", "emails[type eq \"work\"].value", "w2@example.com"), dialect);

        AssertJsonEqual(
            new JsonArray(
                new JsonObject { ["value"] = "w2@example.com", ["type"] = "work", ["primary"] = true },
                new JsonObject { ["value"] = "h@example.com", ["type"] = "home" }),
            patched["emails"]);
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_WorkAddressFieldByFieldInSeparateRequests_ShouldBuildOneAddress(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal());

        await scim.PatchUserJsonAsync(id, Patch("Add", "addresses[type eq \"work\"].streetAddress", "1 Main St"), dialect);
        await scim.PatchUserJsonAsync(id, Patch("Add", "addresses[type eq \"work\"].locality", "Springfield"), dialect);
        var patched = await scim.PatchUserJsonAsync(id, Patch("Add", "addresses[type eq \"work\"].postalCode", "12345"), dialect);

        AssertJsonEqual(
            new JsonArray(new JsonObject
            {
                ["locality"] = "Springfield",
                ["postalCode"] = "12345",
                ["streetAddress"] = "1 Main St",
                ["type"] = "work",
            }),
            patched["addresses"]);
        AssertJsonEqual(patched["addresses"], (await scim.GetUserJsonAsync(id))["addresses"]);
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_WorkAddressFieldByFieldInOneRequest_ShouldBuildOneAddress(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal());

        var patched = await scim.PatchUserJsonAsync(id, PatchOp(
            Op("Add", "addresses[type eq \"work\"].streetAddress", "1 Main St"),
            Op("Add", "addresses[type eq \"work\"].locality", "Springfield"),
            Op("Add", "addresses[type eq \"work\"].postalCode", "12345")), dialect);

        var address = Assert.Single(patched["addresses"]!.AsArray())!;
        Assert.Equal("1 Main St", address["streetAddress"]!.GetValue<string>());
        Assert.Equal("Springfield", address["locality"]!.GetValue<string>());
        Assert.Equal("12345", address["postalCode"]!.GetValue<string>());
        Assert.Equal("work", address["type"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_MobilePhoneByFilter_ShouldAddThenReplaceIt(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal());

        await scim.PatchUserJsonAsync(id, Patch("Add", "phoneNumbers[type eq \"mobile\"].value", "+1 555 0100"), dialect);
        var patched = await scim.PatchUserJsonAsync(id, Patch("Replace", "phoneNumbers[type eq \"mobile\"].value", "+1 555 0199"), dialect);

        AssertJsonEqual(
            new JsonArray(new JsonObject { ["type"] = "mobile", ["value"] = "+1 555 0199" }),
            patched["phoneNumbers"]);
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_PrimaryRoleByStringBooleanFilter_ShouldSetItsValue(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal());
        await scim.PatchUserJsonAsync(id, Patch("Add", "roles", new JsonArray(
            new JsonObject { ["value"] = "Reader", ["primary"] = true },
            new JsonObject { ["value"] = "Guest", ["primary"] = false })), dialect);

        var patched = await scim.PatchUserJsonAsync(id, Patch("Replace", "roles[primary eq \"True\"].value", "Admin"), dialect);

        AssertJsonEqual(
            new JsonArray(
                new JsonObject { ["primary"] = true, ["value"] = "Admin" },
                new JsonObject { ["primary"] = false, ["value"] = "Guest" }),
            patched["roles"]);
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_EnterpriseManagerAsAPlainString_ShouldBeSetChangedAndRemoved(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(enterprise: new JsonObject { ["department"] = "Sales" }));
        const string managerPath = $"{Enterprise}:manager";

        var added = await scim.PatchUserJsonAsync(id, Patch("Add", managerPath, "manager-1"), dialect);
        var replaced = await scim.PatchUserJsonAsync(id, Patch("Replace", managerPath, "manager-2"), dialect);
        var removed = await scim.PatchUserJsonAsync(id, Patch("Replace", managerPath, ""), dialect);

        AssertJsonEqual(new JsonObject { ["value"] = "manager-1" }, added[Enterprise]!["manager"]);
        AssertJsonEqual(new JsonObject { ["value"] = "manager-2" }, replaced[Enterprise]!["manager"]);
        AssertJsonEqual(new JsonObject { ["department"] = "Sales" }, removed[Enterprise]);
        AssertJsonEqual(removed, await scim.GetUserJsonAsync(id));
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_EnterpriseManagerRemovedWhenItIsTheOnlyExtensionAttribute_ShouldDropTheExtension(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal());
        const string managerPath = $"{Enterprise}:manager";
        await scim.PatchUserJsonAsync(id, Patch("Add", managerPath, "manager-1"), dialect);

        var removed = await scim.PatchUserJsonAsync(id, Patch("Replace", managerPath, ""), dialect);

        Assert.Null(removed[Enterprise]);
        Assert.DoesNotContain(Enterprise, removed["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Theory]
    [InlineData("", "null")]
    [InlineData("", "empty")]
    [InlineData("?aadOptscim062020", "null")]
    [InlineData("?aadOptscim062020", "empty")]
    public async Task Patch_ReplaceWithNullOrEmptyString_ShouldClearTheAttribute(string dialect, string clear)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(displayName: "Shown", enterprise: new JsonObject { ["department"] = "Sales", ["costCenter"] = "1" }));
        JsonNode? value = clear == "null" ? null : JsonValue.Create("");

        var patched = await scim.PatchUserJsonAsync(id, PatchOp(
            Op("Replace", "displayName", value?.DeepClone()),
            Op("Replace", $"{Enterprise}:department", value?.DeepClone())), dialect);

        Assert.Null(patched["displayName"]);
        AssertJsonEqual(new JsonObject { ["costCenter"] = "1" }, patched[Enterprise]);
        AssertJsonEqual(patched, await scim.GetUserJsonAsync(id));
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_RemoveOfAFilteredEmail_ShouldRemoveOnlyThatEmail(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "w@example.com", ["type"] = "work" },
            new JsonObject { ["value"] = "h@example.com", ["type"] = "home" })));

        var patched = await scim.PatchUserJsonAsync(id, PatchOp(Op("Remove", "emails[type eq \"work\"]", hasValue: false)), dialect);

        AssertJsonEqual(new JsonArray(new JsonObject { ["value"] = "h@example.com", ["type"] = "home" }), patched["emails"]);
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_RemoveWithAValueFilterOnTheValue_ShouldRemoveThatEmail(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "a@example.com", ["type"] = "work" },
            new JsonObject { ["value"] = "b@example.com", ["type"] = "work" })));

        var patched = await scim.PatchUserJsonAsync(id, PatchOp(Op("remove", "emails[value eq \"a@example.com\"]", hasValue: false)), dialect);

        AssertJsonEqual(new JsonArray(new JsonObject { ["value"] = "b@example.com", ["type"] = "work" }), patched["emails"]);
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_CustomExtensionAttribute_ShouldBeAddedAndReturned(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(acme: new JsonObject { ["badge"] = "1" }));

        var patched = await scim.PatchUserJsonAsync(id, Patch("Add", $"{UserBodies.AcmeSchema}:floor", "3"), dialect);

        AssertJsonEqual(new JsonObject { ["badge"] = "1", ["floor"] = "3" }, patched[UserBodies.AcmeSchema]);
        AssertJsonEqual(patched, await scim.GetUserJsonAsync(id));
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_ReplaceByFilterWhenNoElementMatches_ShouldAddTheElement(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "h@example.com", ["type"] = "home" })));

        var patched = await scim.PatchUserJsonAsync(id, PatchOp(
            Op("Replace", "emails[type eq \"work\"].value", "w@example.com"),
            Op("Replace", "phoneNumbers[type eq \"mobile\"].value", "+1 555 0100")), dialect);

        AssertJsonEqual(
            new JsonArray(
                new JsonObject { ["value"] = "h@example.com", ["type"] = "home" },
                new JsonObject { ["type"] = "work", ["value"] = "w@example.com" }),
            patched["emails"]);
        AssertJsonEqual(new JsonArray(new JsonObject { ["type"] = "mobile", ["value"] = "+1 555 0100" }), patched["phoneNumbers"]);
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_PathlessAddWithFilteredKeys_ShouldWriteTheFilteredElements(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal());

        var patched = await scim.PatchUserJsonAsync(id, Patch("Add", null, new JsonObject
        {
            ["emails[type eq \"work\"].value"] = "w@example.com",
            ["addresses[type eq \"work\"].locality"] = "Springfield",
            ["displayName"] = "Shown",
        }), dialect);

        AssertJsonEqual(new JsonArray(new JsonObject { ["type"] = "work", ["value"] = "w@example.com" }), patched["emails"]);
        AssertJsonEqual(new JsonArray(new JsonObject { ["type"] = "work", ["locality"] = "Springfield" }), patched["addresses"]);
        Assert.Equal("Shown", patched["displayName"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_RemoveOfAFilteredSubAttribute_ShouldRemoveOnlyThatSubAttribute(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "w@example.com", ["type"] = "work", ["display"] = "Work" })));

        var patched = await scim.PatchUserJsonAsync(id, PatchOp(Op("Remove", "emails[type eq \"work\"].display", hasValue: false)), dialect);

        AssertJsonEqual(new JsonArray(new JsonObject { ["value"] = "w@example.com", ["type"] = "work" }), patched["emails"]);
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_RemoveWithValueArray_ShouldRemoveTheListedValues(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "a@example.com", ["type"] = "work" },
            new JsonObject { ["value"] = "b@example.com", ["type"] = "home" })));

        var patched = await scim.PatchUserJsonAsync(
            id, Patch("Remove", "emails", new JsonArray(new JsonObject { ["value"] = "a@example.com" })), dialect);

        AssertJsonEqual(new JsonArray(new JsonObject { ["value"] = "b@example.com", ["type"] = "home" }), patched["emails"]);
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_ActiveAsABoolean_ShouldDeactivateAndReactivate(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal());

        var disabled = await scim.PatchUserJsonAsync(id, Patch("replace", "active", false), dialect);
        var enabled = await scim.PatchUserJsonAsync(id, Patch("Replace", "active", "True"), dialect);

        Assert.False(disabled["active"]!.GetValue<bool>());
        Assert.True(enabled["active"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_EnterpriseManagerAsAnObject_ShouldBeSet(string dialect)
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal());

        var patched = await scim.PatchUserJsonAsync(
            id, Patch("replace", $"{Enterprise}:manager", new JsonObject { ["value"] = "manager-9" }), dialect);

        AssertJsonEqual(new JsonObject { ["value"] = "manager-9" }, patched[Enterprise]!["manager"]);
    }

    [Fact]
    public async Task Patch_WhenNothingChanges_ShouldKeepTheVersion()
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(displayName: "Same"));

        var patched = await scim.PatchUserJsonAsync(id, Patch("replace", "displayName", "Same"));

        Assert.Equal("W/\"1\"", patched["meta"]!["version"]!.GetValue<string>());
    }

    private async Task<(ScimClient Scim, string Id)> CreateAsync(JsonObject body)
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync(body);
        return (scim, created["id"]!.GetValue<string>());
    }
}
