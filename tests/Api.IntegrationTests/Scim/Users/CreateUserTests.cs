using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Infrastructure.Persistence;
using ScimClean.Infrastructure.Persistence.Sqlite;
using static ScimClean.Api.IntegrationTests.Scim.Users.ScimResponseAssertions;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

public sealed class CreateUserTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_WhenValid_ShouldReturn201WithLocationETagAndMeta()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var userName = UserBodies.NewUserName();

        var response = await scim.PostUserAsync(UserBodies.Minimal(userName));

        await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal(ScimClient.MediaType, response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadObjectAsync();
        var id = body["id"]!.GetValue<string>();
        Assert.True(Guid.TryParse(id, out _), $"id is not a GUID: {id}");
        var location = $"http://localhost{scim.UsersUrl}/{id}";
        Assert.Equal(location, response.Headers.Location?.ToString());
        Assert.Equal("W/\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal(userName, body["userName"]!.GetValue<string>());
        AssertJsonEqual(new JsonArray(UserBodies.CoreSchema), body["schemas"]);
        var meta = body["meta"]!.AsObject();
        Assert.Equal("User", meta["resourceType"]!.GetValue<string>());
        Assert.Equal(factory.Clock.GetUtcNow(), DateTimeOffset.Parse(meta["created"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(meta["created"]!.GetValue<string>(), meta["lastModified"]!.GetValue<string>());
        Assert.Equal(location, meta["location"]!.GetValue<string>());
        Assert.Equal(response.Headers.ETag?.ToString(), meta["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_WithEveryCoreAndEnterpriseAttribute_ShouldReturnThemAsSent()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var sent = UserBodies.Full();

        var created = await scim.CreateUserAsync(sent);
        var read = await scim.GetUserJsonAsync(created["id"]!.GetValue<string>());

        foreach (var resource in new[] { created, read })
        {
            foreach (var (name, value) in sent)
            {
                AssertJsonEqual(value, resource[name]);
            }

            Assert.Contains(UserBodies.EnterpriseSchema, resource["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Post_WithACustomExtension_ShouldStoreAndReturnItAsSent()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var acme = new JsonObject
        {
            ["badgeNumber"] = "B-1234",
            ["clearance"] = new JsonObject { ["level"] = 3, ["areas"] = new JsonArray("lab", "vault") },
            ["contractor"] = false,
        };

        var created = await scim.CreateUserAsync(UserBodies.Minimal(acme: acme));
        var read = await scim.GetUserJsonAsync(created["id"]!.GetValue<string>());

        foreach (var resource in new[] { created, read })
        {
            AssertJsonEqual(acme, resource[UserBodies.AcmeSchema]);
            Assert.Contains(UserBodies.AcmeSchema, resource["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Post_WithPassword_ShouldAcceptItButNeverReturnOrStoreItInClear()
    {
        var scim = await ScimClient.CreateAsync(factory);
        const string password = "Clear-Text-Pa55word!";

        var response = await scim.PostUserAsync(UserBodies.Minimal(password: password));

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var createdText = await response.Content.ReadAsStringAsync(Ct);
        var id = JsonNode.Parse(createdText)!["id"]!.GetValue<string>();
        var readText = await (await scim.GetUserAsync(id)).Content.ReadAsStringAsync(Ct);
        var requestedText = await (await scim.GetUserAsync(id, "?attributes=password")).Content.ReadAsStringAsync(Ct);
        foreach (var text in new[] { createdText, readText, requestedText })
        {
            Assert.DoesNotContain(password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"password\"", text, StringComparison.OrdinalIgnoreCase);
        }

        var (document, passwordHash) = await StoredUsers.ReadAsync(factory, id);
        Assert.DoesNotContain(password, document, StringComparison.Ordinal);
        Assert.DoesNotContain("password", document, StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(passwordHash));
        Assert.DoesNotContain(password, passwordHash!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithIdAndMetaInTheBody_ShouldIgnoreThem()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var body = UserBodies.Minimal();
        var sentId = Guid.NewGuid().ToString();
        body["id"] = sentId;
        body["meta"] = new JsonObject
        {
            ["resourceType"] = "Group",
            ["created"] = "2001-01-01T00:00:00Z",
            ["version"] = "W/\"42\"",
            ["location"] = "https://evil.example.com/Users/x",
        };

        var created = await scim.CreateUserAsync(body);

        Assert.NotEqual(sentId, created["id"]!.GetValue<string>());
        var meta = created["meta"]!.AsObject();
        Assert.Equal("User", meta["resourceType"]!.GetValue<string>());
        Assert.Equal("W/\"1\"", meta["version"]!.GetValue<string>());
        Assert.DoesNotContain("2001", meta["created"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith($"/Users/{created["id"]!.GetValue<string>()}", meta["location"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await scim.GetUserAsync(sentId)).AssertScimErrorAsync(HttpStatusCode.NotFound, null);
    }

    [Theory]
    [InlineData("same")]
    [InlineData("upper")]
    [InlineData("lower")]
    public async Task Post_WhenUserNameIsTakenInAnyCase_ShouldReturn409Uniqueness(string casing)
    {
        var scim = await ScimClient.CreateAsync(factory);
        var userName = "Jane.Doe-" + Guid.NewGuid().ToString("N") + "@Example.com";
        await scim.CreateUserAsync(UserBodies.Minimal(userName));
        var again = casing switch
        {
            "upper" => userName.ToUpperInvariant(),
            "lower" => userName.ToLowerInvariant(),
            _ => userName,
        };

        var response = await scim.PostUserAsync(UserBodies.Minimal(again));

        await response.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task Post_WhenTheSameUserNameExistsInAnotherOrganization_ShouldReturn201()
    {
        var first = await ScimClient.CreateAsync(factory);
        var second = await ScimClient.CreateAsync(factory);
        var userName = UserBodies.NewUserName();
        await first.CreateUserAsync(UserBodies.Minimal(userName));

        var response = await second.PostUserAsync(UserBodies.Minimal(userName));

        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Post_WithoutUserName_ShouldReturn400InvalidValue()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var body = UserBodies.Minimal(displayName: "No Name");
        body.Remove("userName");

        var response = await scim.PostUserAsync(body);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Theory]
    [InlineData("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":")]
    [InlineData("{\"userName\": \"a\",}")]
    [InlineData("not json at all")]
    public async Task Post_WithMalformedJson_ShouldReturn400InvalidSyntax(string body)
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.SendRawAsync(HttpMethod.Post, scim.UsersUrl, body);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Fact]
    public async Task Post_WithTwoPrimaryEmails_ShouldReturn400InvalidValue()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var emails = new JsonArray(
            new JsonObject { ["value"] = "a@example.com", ["type"] = "work", ["primary"] = true },
            new JsonObject { ["value"] = "b@example.com", ["type"] = "home", ["primary"] = true });

        var response = await scim.PostUserAsync(UserBodies.Minimal(emails: emails));

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Theory]
    [InlineData("False", false)]
    [InlineData("false", false)]
    [InlineData("True", true)]
    public async Task Post_WithActiveAsAString_ShouldStoreABoolean(string active, bool expected)
    {
        var scim = await ScimClient.CreateAsync(factory);

        var created = await scim.CreateUserAsync(UserBodies.Minimal(active: active));
        var read = await scim.GetUserJsonAsync(created["id"]!.GetValue<string>());

        Assert.Equal(expected, created["active"]!.GetValue<bool>());
        Assert.Equal(expected, read["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Post_WithUnknownSchemaUrns_ShouldTolerateThem()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var body = UserBodies.Minimal();
        body["schemas"]!.AsArray().Add("urn:ietf:params:scim:schemas:extension:Unknown:2.0:User");
        body["schemas"]!.AsArray().Add("urn:example:not:a:real:schema");

        var response = await scim.PostUserAsync(body);

        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Post_WithNullRef_ShouldTolerateIt()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var body = UserBodies.Minimal(enterprise: new JsonObject
        {
            ["manager"] = new JsonObject { ["value"] = "mgr-1", ["$ref"] = null },
        });
        body["photos"] = new JsonArray(new JsonObject { ["value"] = "https://photos.example.com/1", ["$ref"] = null });

        var response = await scim.PostUserAsync(body);

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadObjectAsync();
        Assert.Equal("mgr-1", created[UserBodies.EnterpriseSchema]!["manager"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_OnSqlite_ShouldWriteTheUserItsValuesAndItsEventThroughTheInsertWriterAndFindThemAfterwards()
    {
        TestDatabase.SkipOnPostgres("the insert interceptor serves SQLite only");
        var scim = await ScimClient.CreateAsync(factory);
        var writer = factory.Services.GetRequiredService<SqliteInsertWriter>();
        using (var scope = factory.Services.CreateScope())
        {
            // The groups take the write gate of the contexts' database: the gate is named by the connection string.
            var dbContext = scope.ServiceProvider.GetRequiredService<ScimCleanDbContext>();
            Assert.Equal(dbContext.Database.GetConnectionString(), writer.ConnectionString);
        }

        var before = writer.RowsWritten;
        var email = $"{Guid.NewGuid():N}@work.example";

        var created = await scim.CreateUserAsync(UserBodies.Minimal(
            UserBodies.NewUserName(), emails: new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work" })));

        // The user, its email's value row and its user.created event.
        Assert.Equal(3, writer.RowsWritten - before);
        var id = created["id"]!.GetValue<string>();
        Assert.Equal(id, (await scim.GetUserJsonAsync(id))["id"]!.GetValue<string>());
        var filter = Uri.EscapeDataString($"emails[type eq \"work\"].value eq \"{email}\"");
        var found = await (await scim.SendAsync(HttpMethod.Get, $"{scim.UsersUrl}?filter={filter}")).ReadObjectAsync();
        Assert.Equal(id, found["Resources"]!.AsArray().Single()!["id"]!.GetValue<string>());
        var events = await factory.CreateAdminClient().GetFromJsonAsync<JsonObject>($"/admin/v1/events?organization={scim.Domain}&limit=1000", Ct);
        Assert.Contains(events!["data"]!.AsArray(), item => item!["type"]!.GetValue<string>() == "user.created"
            && item["data"]!["id"]!.GetValue<string>() == id);
    }
}
