using System.Text;
using NSubstitute;
using ScimClean.Application.Users;
using ScimClean.Application.Users.GetUser;

namespace ScimClean.Application.UnitTests.Users;

public sealed class GetUserQueryHandlerTests
{
    private const string BaseUrl = "https://scim.example.test/org/contoso.com/scim/v2";
    private static readonly Guid OrganizationId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 1, 2, 3, TimeSpan.Zero);

    private readonly IUserQueries _users = Substitute.For<IUserQueries>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WithoutAttributeLists_ShouldAnswerTheStoredDocumentWithIdGroupsMetaETagAndLocation()
    {
        var stored = Stored("""{"userName":"ada@example.com","active":true,"title":"Lead"}""", new UserGroupView(Guid.NewGuid(), "Admins"));
        _users.FindDocumentAsync(OrganizationId, stored.Id, Arg.Any<CancellationToken>()).Returns(stored);

        var result = await Handler().Handle(Query(stored.Id.ToString(), null, null), Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal("W/\"3\"", result.Value.ETag);
        Assert.Equal($"{BaseUrl}/Users/{stored.Id}", result.Value.Location);
        var resource = result.Value.Resource;
        Assert.Equal(["id", "userName", "active", "title", "groups", "meta"], resource.Select(pair => pair.Key));
        Assert.Equal("Admins", resource["groups"]![0]!["display"]!.GetValue<string>());
        Assert.Equal("W/\"3\"", resource["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Handle_WithAttributes_ShouldProjectTheStoredUser()
    {
        var stored = Stored("""{"userName":"ada@example.com","active":true,"title":"Lead"}""");
        _users.FindDocumentAsync(OrganizationId, stored.Id, Arg.Any<CancellationToken>()).Returns(stored);

        var only = await Handler().Handle(Query(stored.Id.ToString(), ["title"], null), Ct);
        var without = await Handler().Handle(Query(stored.Id.ToString(), null, ["title", "meta"]), Ct);

        Assert.Equal(["id", "title"], only.Value.Resource.Select(pair => pair.Key));
        Assert.Equal(["id", "userName", "active"], without.Value.Resource.Select(pair => pair.Key));
    }

    [Fact]
    public async Task Handle_AnUnknownIdOrOneThatIsNoGuid_ShouldAnswerNotFound()
    {
        var unknown = await Handler().Handle(Query(Guid.NewGuid().ToString(), null, null), Ct);
        var notAGuid = await Handler().Handle(Query("not-a-guid", null, null), Ct);

        Assert.Equal("user.not_found", unknown.Error!.Code);
        Assert.Equal("user.not_found", notAGuid.Error!.Code);
        await _users.Received(1).FindDocumentAsync(Arg.Any<Guid>(), Arg.Any<Guid>(), Arg.Any<CancellationToken>());
    }

    private GetUserQueryHandler Handler() => new(_users);

    private static GetUserQuery Query(string id, string[]? attributes, string[]? excluded) =>
        new(OrganizationId, BaseUrl, id, attributes, excluded);

    private static StoredUserDocument Stored(string document, params UserGroupView[] groups) =>
        new(Guid.NewGuid(), 3, Now, Now, Encoding.UTF8.GetBytes(document), groups);
}
