using NSubstitute;
using ScimClean.Application.Audit;
using ScimClean.Application.Common.Persistence;
using ScimClean.Application.Operations;
using ScimClean.Application.Operations.BackupDatabase;
using ScimClean.Application.UnitTests.TestSupport;
using ScimClean.Domain.Audit;

namespace ScimClean.Application.UnitTests.Operations;

public sealed class BackupDatabaseCommandHandlerTests
{
    private readonly IDatabaseBackup _backup = Substitute.For<IDatabaseBackup>();
    private readonly IAuditTrail _audit = Substitute.For<IAuditTrail>();
    private readonly BackupDatabaseCommandHandler _handler;

    public BackupDatabaseCommandHandlerTests() => _handler = new BackupDatabaseCommandHandler(_backup, _audit);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenTheDatabaseCanBeCopied_ShouldReturnTheCopyAndRecordIt()
    {
        var file = new DatabaseBackupFile("/data/scimclean-backup-1.db.tmp", 4096, TestData.Start);
        _backup.CreateAsync(Ct).Returns(file);

        var result = await _handler.Handle(new BackupDatabaseCommand(), Ct);

        Assert.Same(file, result.Value);
        _audit.Received(1).Record(AuditActions.DatabaseBackedUp, null, null, "4096 bytes");
    }

    [Fact]
    public async Task Handle_WhenTheProviderIsBackedUpOutsideTheService_ShouldFailWithoutARecord()
    {
        _backup.CreateAsync(Ct).Returns((DatabaseBackupFile?)null);

        var result = await _handler.Handle(new BackupDatabaseCommand(), Ct);

        Assert.Equal(OperationsErrors.BackupNotSupported, result.Error);
        _audit.DidNotReceiveWithAnyArgs().Record(default!, default, default, default);
    }
}
