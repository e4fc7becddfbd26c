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

    [Theory]
    [InlineData("Data Source=scimclean.db", "Data Source=\"file:scimclean.db?vfs=unix-excl\"")]
    [InlineData("Data Source=/var/lib/scim clean/a%b?#.db;Cache=Private", "Data Source=\"file:///var/lib/scim clean/a%25b%3F%23.db?vfs=unix-excl\";Cache=Private")]
    [InlineData("Data Source=//server/share.db", "Data Source=\"file:////server/share.db?vfs=unix-excl\"")]
    [InlineData("Data Source=file:/data/scimclean.db?cache=private#part", "Data Source=\"file:/data/scimclean.db?cache=private&vfs=unix-excl\"")]
    [InlineData("Data Source=file:/data/scimclean.db?vfs=unix-dotfile", "Data Source=file:/data/scimclean.db?vfs=unix-dotfile")]
    [InlineData("Data Source=:memory:", "Data Source=:memory:")]
    [InlineData("Data Source=file:shared?mode=memory&cache=shared", "Data Source=file:shared?mode=memory&cache=shared")]
    public void WithExclusiveAccess_ShouldOpenFilesThroughTheExclusiveVfsAndLeaveTheRest(string connectionString, string expected)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SQLite has no unix-excl VFS on Windows; the string is left as it is");

        var exclusive = SqliteDatabaseFile.WithExclusiveAccess(connectionString);

        Assert.Equal(expected, exclusive);
        Assert.Equal(SqliteDatabaseFile.PathOf(connectionString), SqliteDatabaseFile.PathOf(exclusive));
    }
}
