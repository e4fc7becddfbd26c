using ScimClean.Infrastructure.Persistence.Sqlite;

namespace ScimClean.Api.IntegrationTests.Persistence;

public sealed class SqliteDatabaseFileTests
{
    [Theory]
    [InlineData("Data Source=scimclean.db", "scimclean.db")]
    [InlineData("Data Source=/var/lib/scimclean/scimclean.db;Cache=Shared", "/var/lib/scimclean/scimclean.db")]
    [InlineData("Data Source=file:scimclean.db", "scimclean.db")]
    [InlineData("Data Source=file:/var/lib/scimclean/scimclean.db?vfs=unix-excl", "/var/lib/scimclean/scimclean.db")]
    [InlineData("Data Source=file:///var/lib/a%20b%3Fc.db?cache=private#x", "/var/lib/a b?c.db")]
    [InlineData("Data Source=file://localhost/var/lib/scimclean.db", "/var/lib/scimclean.db")]
    public void PathOf_ShouldFindTheFileOfPlainAndUriDataSources(string connectionString, string expected) =>
        Assert.Equal(expected, SqliteDatabaseFile.PathOf(connectionString));

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=scimclean;Mode=Memory;Cache=Shared")]
    [InlineData("Data Source=file::memory:")]
    [InlineData("Data Source=file:shared?mode=memory&cache=shared")]
    public void PathOf_ShouldBeNullForAnInMemoryDatabase(string connectionString) =>
        Assert.Null(SqliteDatabaseFile.PathOf(connectionString));
}
