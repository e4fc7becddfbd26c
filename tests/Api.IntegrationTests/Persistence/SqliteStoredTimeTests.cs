using System.Globalization;
using ScimClean.Infrastructure.Persistence.Sqlite;

namespace ScimClean.Api.IntegrationTests.Persistence;

/// <summary>The hand-written reader of stored times must read what the general parser reads, and leave it every other shape.</summary>
public sealed class SqliteStoredTimeTests
{
    [Theory]
    [InlineData("2026-12-06 01:02:03")]
    [InlineData("2026-12-06 01:02:03.1")]
    [InlineData("2026-12-06 01:02:03.123")]
    [InlineData("2026-04-01 12:30:15.1234567")]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("9999-12-31 23:59:59.9999999")]
    [InlineData("2024-02-29 23:59:59.0000001")]
    public void TryParse_TheShapeEfCoreStores_ShouldReadWhatTheGeneralParserReads(string text)
    {
        Assert.True(SqliteStoredTime.TryParse(text, out var parsed));
        Assert.Equal(DateTime.Parse(text, CultureInfo.InvariantCulture), parsed);
    }

    [Theory]
    [InlineData("2026-12-06T01:02:03")]
    [InlineData("2026-12-06 01:02:03.")]
    [InlineData("2026-12-06 01:02:03.12345678")]
    [InlineData("2026-12-06 01:02:03Z")]
    [InlineData("2026-12-06 01:02")]
    [InlineData("2026-13-06 01:02:03")]
    [InlineData("2025-02-29 01:02:03")]
    [InlineData("2026-12-06 24:00:00")]
    [InlineData("2026-12-06 01:02:0x")]
    [InlineData("2026-12-06 01:02:03.12a")]
    [InlineData("0000-12-06 01:02:03")]
    public void TryParse_AnyOtherShape_ShouldLeaveItToTheGeneralParser(string text)
    {
        Assert.False(SqliteStoredTime.TryParse(text, out _));
    }
}
