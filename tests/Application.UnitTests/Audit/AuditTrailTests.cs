using NSubstitute;
using ScimClean.Application.Audit;
using ScimClean.Application.UnitTests.TestSupport;
using ScimClean.Domain.Audit;

namespace ScimClean.Application.UnitTests.Audit;

public sealed class AuditTrailTests
{
    private readonly IAuditLog _log = Substitute.For<IAuditLog>();
    private readonly IAuditActor _actor = Substitute.For<IAuditActor>();
    private readonly AuditTrail _trail;

    public AuditTrailTests()
    {
        _actor.Name.Returns("admin");
        _trail = new AuditTrail(_log, _actor, TestData.Clock());
    }

    [Fact]
    public void Record_ShouldAddOneEntryWithTheActorAndTheClocksTime()
    {
        _trail.Record(AuditActions.WebhookSecretRotated, null, "0193a1b2-0000-7000-8000-000000000001", "previous secret valid for 60 s");

        _log.Received(1).Add(Arg.Is<AuditEntry>(entry =>
            entry.Action == AuditActions.WebhookSecretRotated
            && entry.Actor == "admin"
            && entry.Organization == null
            && entry.Target == "0193a1b2-0000-7000-8000-000000000001"
            && entry.Detail == "previous secret valid for 60 s"
            && entry.OccurredAt == TestData.Start));
    }

    [Fact]
    public void Record_WhenTheActionIsUnknown_ShouldThrowAndAddNothing()
    {
        Assert.Throws<InvalidOperationException>(() => _trail.Record("directory.token_stolen", "contoso.com", "contoso.com"));

        _log.DidNotReceiveWithAnyArgs().Add(default!);
    }
}
