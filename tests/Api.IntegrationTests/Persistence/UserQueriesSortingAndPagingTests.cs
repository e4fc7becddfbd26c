using ScimClean.Application.Scim.Querying;

namespace ScimClean.Api.IntegrationTests.Persistence;

public sealed class UserQueriesSortingAndPagingTests(UserQueryDatabase database) : IClassFixture<UserQueryDatabase>
{
    [Theory]
    [InlineData(null, false, "alice,bob,carol,dave")]
    [InlineData("userName", false, "alice,bob,carol,dave")]
    [InlineData("USERNAME", true, "dave,carol,bob,alice")]
    [InlineData("displayName", false, "alice,bob,carol,dave")]
    [InlineData("displayName", true, "dave,carol,bob,alice")]
    [InlineData("externalId", false, "alice,dave,bob,carol")]
    [InlineData("name.givenName", true, "dave,carol,bob,alice")]
    [InlineData("meta.created", true, "dave,carol,bob,alice")]
    [InlineData("meta.lastModified", false, "alice,bob,carol,dave")]
    [InlineData("active", false, "bob,alice,carol,dave")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", true, "dave,carol,bob,alice")]
    [InlineData("urn:ietf:params:scim:schemas:extension:Custom:2.0:User:costCode", false, "bob,carol,alice,dave")]
    public async Task SortBy_ShouldOrderInTheDatabase_MissingValuesLastWhenAscending(string? sortBy, bool descending, string expected)
    {
        var (_, names) = await database.ListAsync(PersistenceDatabase.Query(null, sortBy, descending));

        Assert.Equal(expected.Split(','), names);
    }

    [Theory]
    [InlineData("emails")]
    [InlineData("emails.value")]
    [InlineData("name")]
    [InlineData("nope")]
    public async Task SortBy_OnMultiValuedComplexOrUnknownAttributes_ShouldBeRejected(string sortBy)
    {
        var exception = await Assert.ThrowsAsync<UnsupportedFilterException>(
            () => database.ListAsync(PersistenceDatabase.Query(null, sortBy)));

        Assert.Contains(sortBy, exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(1, 2, "alice,bob")]
    [InlineData(2, 2, "bob,carol")]
    [InlineData(4, 10, "dave")]
    [InlineData(5, 10, "")]
    [InlineData(0, 1, "alice")]
    [InlineData(1, 0, "")]
    public async Task Paging_ShouldTakeTheRequestedWindowAndCountAllMatches(int startIndex, int count, string expected)
    {
        var (total, names) = await database.ListAsync(PersistenceDatabase.Query(null, startIndex: startIndex, count: count));

        Assert.Equal(4, total);
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), names);
    }

    [Fact]
    public async Task Paging_WithFilterAndSort_ShouldCountTheFilteredRowsOnly()
    {
        var (total, names) = await database.ListAsync(
            PersistenceDatabase.Query("emails pr", "userName", descending: true, startIndex: 2, count: 1));

        Assert.Equal(3, total);
        Assert.Equal(["bob"], names);
    }
}
