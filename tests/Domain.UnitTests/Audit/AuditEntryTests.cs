using ScimClean.Domain.Audit;
using ScimClean.Domain.Common;

namespace ScimClean.Domain.UnitTests.Audit;

public sealed class AuditEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static Result<AuditEntry> Record(
        string action = AuditActions.DirectoryTokenRotated,
        string actor = "admin",
        string? organization = "contoso.com",
        string? target = "contoso.com",
        string? detail = "previous token valid for 0 s") =>
        AuditEntry.Record(action, actor, organization, target, detail, Now);

    [Fact]
    public void Record_WhenValid_ShouldKeepEveryFieldAndTakeTheTimeGiven()
    {
        var result = Record();

        Assert.True(result.IsSuccess, result.Error?.Description);
        var entry = result.Value;
        Assert.NotEqual(Guid.Empty, entry.Id);
        Assert.Equal(Now, entry.OccurredAt);
        Assert.Equal("contoso.com", entry.Organization);
        Assert.Equal(AuditActions.DirectoryTokenRotated, entry.Action);
        Assert.Equal("admin", entry.Actor);
        Assert.Equal("contoso.com", entry.Target);
        Assert.Equal("previous token valid for 0 s", entry.Detail);
    }

    [Fact]
    public void Record_WhenCalledTwice_ShouldGiveEachEntryItsOwnId()
    {
        Assert.NotEqual(Record().Value.Id, Record().Value.Id);
    }

    [Fact]
    public void Record_WhenServiceWide_ShouldAllowNoOrganizationTargetOrDetail()
    {
        var result = Record(AuditActions.WebhookEndpointDeleted, organization: null, target: null, detail: null);

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value.Organization);
        Assert.Null(result.Value.Target);
        Assert.Null(result.Value.Detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("directory.token")]
    [InlineData("Directory.Token_Rotated")]
    [InlineData("user.created")]
    public void Record_WhenActionIsNotAnAuditedAction_ShouldFail(string action)
    {
        var result = Record(action);

        Assert.Equal("audit.unknown_action", result.Error?.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Record_WhenActorIsBlank_ShouldFail(string actor)
    {
        Assert.Equal(AuditErrors.InvalidActor, Record(actor: actor).Error);
    }

    [Fact]
    public void Record_WhenActorIsTooLong_ShouldFail()
    {
        Assert.Equal(AuditErrors.InvalidActor, Record(actor: new string('a', AuditEntry.MaxActorLength + 1)).Error);
    }

    [Fact]
    public void Record_WhenTargetIsTooLong_ShouldFail()
    {
        Assert.Equal(AuditErrors.TargetTooLong, Record(target: new string('t', AuditEntry.MaxTargetLength + 1)).Error);
    }

    [Fact]
    public void Record_WhenDetailIsTooLong_ShouldCutItToTheMaximum()
    {
        var result = Record(detail: new string('d', AuditEntry.MaxDetailLength + 50));

        Assert.True(result.IsSuccess);
        Assert.Equal(AuditEntry.MaxDetailLength, result.Value.Detail!.Length);
    }

    [Fact]
    public void All_ShouldHoldDottedLowerCaseNamesWithoutDuplicates()
    {
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(AuditActions.All, action => Assert.Matches("^[a-z]+\\.[a-z_]+$", action));
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("webhook.*", true)]
    [InlineData("directory.*", true)]
    [InlineData("organization.created", true)]
    [InlineData("user.*", false)]
    [InlineData("webhook", false)]
    [InlineData("webhook.endpoint_*", false)]
    [InlineData("", false)]
    public void IsValidPattern_ShouldAcceptActionsFamiliesAndStar(string pattern, bool expected)
    {
        Assert.Equal(expected, AuditActions.IsValidPattern(pattern));
    }
}
