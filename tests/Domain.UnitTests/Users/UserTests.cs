using System.Reflection;
using System.Text.Json.Nodes;
using ScimClean.Domain.Users;

namespace ScimClean.Domain.UnitTests.Users;

public sealed class UserTests
{
    [Fact]
    public void Create_ShouldAssignAnIdPromoteColumnsAndRaiseCreated()
    {
        var user = User.Create(UserFactory.OrganizationId, UserFactory.Attributes(), "hash", UserFactory.Now);

        Assert.NotEqual(Guid.Empty, user.Id);
        Assert.Equal("ada@contoso.com", user.UserName);
        Assert.Equal("ADA@CONTOSO.COM", user.NormalizedUserName);
        Assert.Equal("Ada", user.DisplayName);
        Assert.True(user.Active);
        Assert.Equal(1, user.Version);
        Assert.Equal("hash", user.PasswordHash);
        var created = Assert.IsType<UserCreated>(Assert.Single(user.DomainEvents));
        Assert.Equal(user.Id, created.UserId);
    }

    [Fact]
    public void Replace_WhenNothingChanged_ShouldRaiseNothingAndKeepTheVersion()
    {
        var user = UserFactory.Create();

        user.Replace(UserFactory.Attributes(), null, UserFactory.Now.AddMinutes(1));

        Assert.Empty(user.DomainEvents);
        Assert.Equal(1, user.Version);
    }

    [Fact]
    public void Replace_WhenOnlyActiveTurnsFalse_ShouldRaiseDeactivatedAndNotUpdated()
    {
        var user = UserFactory.Create();

        user.Replace(UserFactory.Attributes(UserFactory.Document(active: false)), null, UserFactory.Now.AddMinutes(1));

        var deactivated = Assert.IsType<UserDeactivated>(Assert.Single(user.DomainEvents));
        Assert.True(deactivated.PreviousAttributes["active"]!.GetValue<bool>());
        Assert.False(user.Active);
        Assert.Equal(2, user.Version);
    }

    [Fact]
    public void Replace_WhenActiveTurnsTrueAgain_ShouldRaiseReactivated()
    {
        var user = UserFactory.Create(UserFactory.Document(active: false));

        user.Replace(UserFactory.Attributes(UserFactory.Document(active: true)), null, UserFactory.Now.AddMinutes(1));

        Assert.IsType<UserReactivated>(Assert.Single(user.DomainEvents));
    }

    [Fact]
    public void Replace_WhenActiveAndDisplayNameChange_ShouldRaiseDeactivatedAndUpdatedWithPreviousValues()
    {
        var user = UserFactory.Create();

        user.Replace(UserFactory.Attributes(UserFactory.Document(active: false, displayName: "Ada L.")), null, UserFactory.Now);

        Assert.Collection(
            user.DomainEvents,
            first => Assert.IsType<UserDeactivated>(first),
            second =>
            {
                var updated = Assert.IsType<UserUpdated>(second);
                Assert.Equal("Ada", updated.PreviousAttributes["displayName"]!.GetValue<string>());
            });
    }

    [Fact]
    public void Replace_WhenAnAttributeIsRemoved_ShouldRecordItsPreviousValue()
    {
        var user = UserFactory.Create();
        var document = UserFactory.Document();
        document.Remove("displayName");

        user.Replace(UserFactory.Attributes(document), null, UserFactory.Now);

        var updated = Assert.IsType<UserUpdated>(Assert.Single(user.DomainEvents));
        Assert.Equal("Ada", updated.PreviousAttributes["displayName"]!.GetValue<string>());
        Assert.Null(user.DisplayName);
    }

    [Fact]
    public void Replace_ShouldNeverChangeTheId()
    {
        var user = UserFactory.Create();
        var id = user.Id;
        var document = UserFactory.Document(userName: "other@contoso.com");
        document["id"] = Guid.NewGuid().ToString();

        user.Replace(UserFactory.Attributes(document), null, UserFactory.Now);

        Assert.Equal(id, user.Id);
        Assert.Equal("other@contoso.com", user.UserName);
    }

    [Fact]
    public void Replace_WithOnlyANewPassword_ShouldRaiseUpdatedWithoutThePassword()
    {
        var user = UserFactory.Create();

        user.Replace(UserFactory.Attributes(), "new-hash", UserFactory.Now);

        var updated = Assert.IsType<UserUpdated>(Assert.Single(user.DomainEvents));
        Assert.Empty(updated.PreviousAttributes);
        Assert.Equal("new-hash", user.PasswordHash);
    }

    [Fact]
    public void Delete_ShouldRaiseDeletedWithTheLastState()
    {
        var user = UserFactory.Create();

        user.Delete(UserFactory.Now);

        var deleted = Assert.IsType<UserDeleted>(Assert.Single(user.DomainEvents));
        Assert.Equal("ada@contoso.com", deleted.LastState["userName"]!.GetValue<string>());
        Assert.IsType<JsonArray>(deleted.LastState["emails"]);
    }

    [Fact]
    public void Replace_WhenActiveWasLeftOutAtCreationAndTurnsFalse_ShouldReportItWasTrue()
    {
        var document = UserFactory.Document();
        document.Remove("active");
        var user = UserFactory.Create(document);

        user.Replace(UserFactory.Attributes(UserFactory.Document(active: false)), null, UserFactory.Now);

        var deactivated = Assert.IsType<UserDeactivated>(Assert.Single(user.DomainEvents));
        Assert.True(deactivated.PreviousAttributes["active"]!.GetValue<bool>());
    }

    [Fact]
    public void Replace_WhenActiveGoesFromLeftOutToTrue_ShouldRaiseNothing()
    {
        var document = UserFactory.Document();
        document.Remove("active");
        var user = UserFactory.Create(document);

        user.Replace(UserFactory.Attributes(UserFactory.Document(active: true)), null, UserFactory.Now);

        Assert.Empty(user.DomainEvents);
    }

    [Fact]
    public void Attributes_WhenACopyIsChanged_ShouldStayAsStored()
    {
        var user = UserFactory.Create();

        var copy = user.Attributes.ToJson();
        copy["displayName"] = "Changed";
        copy["emails"]!.AsArray().Clear();

        Assert.Equal("Ada", user.Attributes.DisplayName);
        Assert.Equal("Ada", user.Attributes.ToJson()["displayName"]!.GetValue<string>());
        Assert.Single(user.Attributes.ToJson()["emails"]!.AsArray());
    }

    [Fact]
    public void Attributes_AfterReplace_ShouldHoldTheNewValues()
    {
        var user = UserFactory.Create();
        _ = user.Attributes;

        user.Replace(UserFactory.Attributes(UserFactory.Document(displayName: "Ada Lovelace")), null, UserFactory.Now);

        Assert.Equal("Ada Lovelace", user.Attributes.DisplayName);
        Assert.Equal("Ada Lovelace", user.Attributes.ToJson()["displayName"]!.GetValue<string>());
    }

    [Fact]
    public void Attributes_WhenTheStoredDocumentIsSetFromOutside_ShouldReadThatDocument()
    {
        // The database fills the document field directly (EF maps "_document"): what was read before must not linger.
        var user = UserFactory.Create();
        _ = user.Attributes;
        var field = typeof(User).GetField("_document", BindingFlags.NonPublic | BindingFlags.Instance)!;

        field.SetValue(user, UserFactory.Document(userName: "grace@contoso.com", displayName: "Grace").ToJsonString());

        Assert.Equal("grace@contoso.com", user.Attributes.UserName);
        Assert.Equal("Grace", user.Attributes.ToJson()["displayName"]!.GetValue<string>());
    }
}
