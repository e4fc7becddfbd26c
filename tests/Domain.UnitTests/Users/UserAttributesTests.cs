using System.Text.Json.Nodes;
using ScimClean.Domain.Users;

namespace ScimClean.Domain.UnitTests.Users;

public sealed class UserAttributesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void From_WhenUserNameIsMissingOrBlank_ShouldFail(string? userName)
    {
        var document = UserFactory.Document();
        document["userName"] = userName;

        var result = UserAttributes.From(document);

        Assert.Equal(UserErrors.UserNameRequired, result.Error);
    }

    [Fact]
    public void From_WhenUserNameIsTooLong_ShouldFail()
    {
        var result = UserAttributes.From(UserFactory.Document(userName: new string('a', UserAttributes.MaxUserNameLength + 1)));

        Assert.Equal("user.username_too_long", result.Error?.Code);
    }

    [Fact]
    public void From_WhenTwoValuesArePrimary_ShouldFail()
    {
        var document = UserFactory.Document();
        document["emails"] = new JsonArray(
            new JsonObject { ["value"] = "a@x.com", ["primary"] = true },
            new JsonObject { ["value"] = "b@x.com", ["primary"] = true });

        var result = UserAttributes.From(document);

        Assert.Equal("user.more_than_one_primary", result.Error?.Code);
    }

    [Fact]
    public void From_ShouldDropServerOwnedAttributesAndNeverKeepThePassword()
    {
        var document = UserFactory.Document();
        document["id"] = "client-chosen";
        document["meta"] = new JsonObject { ["version"] = "W/\"9\"" };
        document["groups"] = new JsonArray();
        document["password"] = "secret";

        var json = UserAttributes.From(document).Value.ToJson();

        Assert.False(json.ContainsKey("id"));
        Assert.False(json.ContainsKey("meta"));
        Assert.False(json.ContainsKey("groups"));
        Assert.False(json.ContainsKey("password"));
    }

    [Fact]
    public void From_WhenActiveIsAbsent_ShouldBeActive()
    {
        var document = UserFactory.Document();
        document.Remove("active");

        Assert.True(UserAttributes.From(document).Value.Active);
    }

    [Fact]
    public void ToJson_ShouldReturnACopyThatCannotChangeTheAttributes()
    {
        var attributes = UserFactory.Attributes();

        attributes.ToJson()["userName"] = "changed";

        Assert.Equal("ada@contoso.com", attributes.ToJson()["userName"]!.GetValue<string>());
    }

    [Fact]
    public void NormalizeUserName_ShouldIgnoreCaseAndSurroundingSpace()
    {
        Assert.Equal(UserAttributes.NormalizeUserName("Ada@Contoso.com"), UserAttributes.NormalizeUserName(" ada@contoso.COM "));
    }

    [Fact]
    public void Parse_OfASerializedDocument_ShouldGiveBackTheSameAttributes()
    {
        var document = UserFactory.Document(displayName: "Ada Lovelace");
        document["externalId"] = "ext-1";
        var written = UserAttributes.From(document).Value;

        var read = UserAttributes.Parse(written.Serialize());

        Assert.Equal(written.UserName, read.UserName);
        Assert.Equal("ext-1", read.ExternalId);
        Assert.Equal("Ada Lovelace", read.DisplayName);
        Assert.True(read.Active);
        Assert.True(JsonNode.DeepEquals(written.ToJson(), read.ToJson()));
    }

    [Fact]
    public void Parse_OfAnInactiveUser_ShouldStayInactive()
    {
        var read = UserAttributes.Parse(UserFactory.Attributes(UserFactory.Document(active: false)).Serialize());

        Assert.False(read.Active);
    }

    [Fact]
    public void Parse_OfADocumentWithoutUserName_ShouldStillBeRefused()
    {
        Assert.Throws<InvalidOperationException>(() => UserAttributes.Parse("""{"displayName":"nobody","active":true}"""));
    }

    [Fact]
    public void Parse_OfADocumentWithoutActive_ShouldBeCheckedAndActive()
    {
        var read = UserAttributes.Parse("""{"userName":"ada@contoso.com"}""");

        Assert.True(read.Active);
        Assert.True(read.ToJson()["active"]!.GetValue<bool>());
    }
}
