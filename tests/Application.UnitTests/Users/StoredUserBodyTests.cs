using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;
using ScimClean.Application.Users;
using ScimClean.Domain.Users;

namespace ScimClean.Application.UnitTests.Users;

/// <summary>
/// A stored user written straight from its document must be, byte for byte, what the tree path answered: the aggregate
/// restored from the same columns, rendered, and projected with no list given.
/// </summary>
public sealed class StoredUserBodyTests
{
    private const string BaseUrl = "https://scim.example.test/org/contoso.com/scim/v2";
    private const string Enterprise = ScimSchemaUrns.EnterpriseUser;
    private const string Custom = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";

    private static readonly DateTimeOffset Created = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 891, TimeSpan.Zero).AddTicks(2345);
    private static readonly DateTimeOffset Modified = new(2026, 12, 31, 23, 59, 59, 999, TimeSpan.Zero);

    private static readonly UserGroupView[] TwoGroups =
    [
        new(Guid.Parse("0a1b2c3d-0000-0000-0000-000000000001"), "Engineering"),
        new(Guid.Parse("0a1b2c3d-0000-0000-0000-000000000002"), "Ünïcode & \"quotes\" <tags>"),
    ];

    /// <summary>Documents the default projection keeps whole: these are written without a tree.</summary>
    public static TheoryData<string> WholeDocuments() =>
    [
        """{"userName":"ada@example.com","active":true}""",
        """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@example.com","name":{"givenName":"Ada","familyName":"Lovelace"},"displayName":"Ada Lovelace","emails":[{"value":"ada@example.com","type":"work","primary":true},{"value":"ada@home.example","type":"home"}],"active":false,"externalId":"ext-1"}""",
        $$$"""{"userName":"é\u00e9\"\\\n\t<>&'+ü😀","active":true,"title":"Ingénieure","nickName":"\u0041da","x-unknown":{"deep":[1,2.50,-3e5,true,false]},"{{{Enterprise}}}":{"employeeNumber":"7","manager":{"value":"m-1","displayName":"Boss"}},"{{{Custom}}}":{"costCode":"C-1"}}""",
        // Not password to the schemas either: ordinal case-insensitive comparison folds no letter outside ASCII into it.
        """{"userName":"ada@example.com","active":true,"pa\u017F\u017Fword":"long s","paſſwort":"x"}""",
        // Stored text not as the service's writer writes it (whitespace, characters it escapes written raw): the answer
        // must still be what the writer writes.
        """{ "userName":"ada@example.com","active":true,"name":{"givenName": "Ada","familyName":"Love lace"}}""",
        """{"userName":"a+b@example.com","active":true,"title":"R&D <lead> 'x' `y`","displayName":"Adé Ω"}""",
        // Spaces inside strings, numbers written as they were.
        """{"userName":"ada@example.com","active":true,"displayName":"Ada  Lovelace ","x-n":[1,2.50,-3e5,0.1e-2]}""",
        """{"userName":"ada@example.com","active":true,"phoneNumbers":[{"value":"+1 555 0100","type":"work"}],"addresses":[{"streetAddress":"1 Main St","country":"US","primary":true}],"roles":[{"value":"admin"}]}""",
    ];

    /// <summary>Documents the default projection may change (nulls, empties, password, a URN that is not an object): these go through the tree.</summary>
    public static TheoryData<string> DocumentsForTheTree() =>
    [
        """{"userName":"ada@example.com","active":true,"password":"secret"}""",
        """{"userName":"ada@example.com","active":true,"PassWord":"secret"}""",
        """{"userName":"ada@example.com","active":true,"\u0070assword":"secret"}""",
        """{"userName":"ada@example.com","active":true,"nickName":null}""",
        """{"userName":"ada@example.com","active":true,"emails":[]}""",
        """{"userName":"ada@example.com","active":true,"name":{}}""",
        """{"userName":"ada@example.com","active":true,"emails":[{"value":"a@b.c","type":null}]}""",
        $$"""{"userName":"ada@example.com","active":true,"{{Enterprise}}":"not an object"}""",
        $$$"""{"userName":"ada@example.com","active":true,"{{{Enterprise}}}":{}}""",
        """{"userName":"ada@example.com","active":true,"x-unknown":{"password":"nested"}}""",
    ];

    [Theory]
    [MemberData(nameof(WholeDocuments))]
    public void WriteTo_ADocumentKeptWhole_ShouldWriteWhatTheTreePathWrote(string document)
    {
        Assert.True(DefaultProjectionCheck.KeepsWhole(Encoding.UTF8.GetBytes(document)));

        foreach (var groups in new[] { [], TwoGroups })
        {
            Assert.Equal(TreePath(document, groups), Streamed(document, groups));
        }
    }

    [Theory]
    [MemberData(nameof(DocumentsForTheTree))]
    public void WriteTo_ADocumentTheProjectionMayChange_ShouldGoThroughTheTreeAndWriteWhatItWrote(string document)
    {
        Assert.False(DefaultProjectionCheck.KeepsWhole(Encoding.UTF8.GetBytes(document)));

        foreach (var groups in new[] { [], TwoGroups })
        {
            Assert.Equal(TreePath(document, groups), Streamed(document, groups));
        }
    }

    [Fact]
    public void WriteTo_ShouldWriteIdAttributesGroupsAndMetaInThatOrder()
    {
        var document = """{"userName":"ada@example.com","active":true}""";

        var written = JsonNode.Parse(Streamed(document, TwoGroups))!.AsObject();

        Assert.Equal(["id", "userName", "active", "groups", "meta"], written.Select(pair => pair.Key));
        Assert.Equal("2026-03-04T05:06:07.891Z", written["meta"]!["created"]!.GetValue<string>());
        Assert.Equal($"{BaseUrl}/Users/{Stored(document, []).Id}", written["meta"]!["location"]!.GetValue<string>());
        Assert.Equal($"{BaseUrl}/Groups/{TwoGroups[0].GroupId}", written["groups"]![0]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void ToJsonObject_ShouldBeTheTreeTheBodyWrites()
    {
        var document = """{"userName":"ada@example.com","active":true,"password":"secret","title":"Lead"}""";
        var body = new StoredUserBody(Stored(document, TwoGroups), BaseUrl);

        var tree = body.ToJsonObject();

        Assert.False(tree.ContainsKey("password"));
        Assert.Equal(Streamed(document, TwoGroups), tree.ToJsonString());
    }

    private static StoredUserDocument Stored(string document, IReadOnlyList<UserGroupView> groups) =>
        new(Guid.Parse("5d2c1b7a-9e0f-4a3b-8c6d-112233445566"), 42, Created, Modified, Encoding.UTF8.GetBytes(document), groups);

    private static string Streamed(string document, IReadOnlyList<UserGroupView> groups)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            new StoredUserBody(Stored(document, groups), BaseUrl).WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>What GET /Users/{id} answered before: the aggregate restored, rendered, projected, written by the same writer.</summary>
    private static string TreePath(string document, IReadOnlyList<UserGroupView> groups)
    {
        var stored = Stored(document, groups);
        var user = User.Restore(new StoredUser(
            stored.Id, Guid.NewGuid(), "ada@example.com", "ADA@EXAMPLE.COM", null, null, true, null,
            stored.Version, stored.CreatedAt, stored.LastModifiedAt, document));
        var resource = AttributeProjection.Apply(
            UserResource.Render(user, BaseUrl, groups), ScimSchemas.UserResourceType, null, null);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ScimResourceBody.Of(resource).WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
