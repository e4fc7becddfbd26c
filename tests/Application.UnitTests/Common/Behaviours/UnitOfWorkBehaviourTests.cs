using NSubstitute;
using ScimClean.Application.Common.Behaviours;
using ScimClean.Application.Common.Persistence;
using ScimClean.Application.DirectorySync.DisableDirectorySync;
using ScimClean.Domain.Common;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.UnitTests.Common.Behaviours;

public sealed class UnitOfWorkBehaviourTests
{
    private static readonly DisableDirectorySyncCommand Command = new("contoso.com");
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly UnitOfWorkBehaviour<DisableDirectorySyncCommand, Result> _behaviour;

    public UnitOfWorkBehaviourTests() =>
        _behaviour = new UnitOfWorkBehaviour<DisableDirectorySyncCommand, Result>(_unitOfWork);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenHandlerSucceeds_ShouldSaveOnceAfterIt()
    {
        var success = Result.Success();
        var next = new RecordingNext<DisableDirectorySyncCommand, Result>(success);

        var response = await _behaviour.Handle(Command, next.Invoke, Ct);

        Assert.Same(success, response);
        Assert.Equal(1, next.Calls);
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Handle_WhenHandlerReturnsAFailedResult_ShouldNotSave()
    {
        var failure = Result.Failure(OrganizationErrors.DirectorySyncNotEnabled);
        var next = new RecordingNext<DisableDirectorySyncCommand, Result>(failure);

        var response = await _behaviour.Handle(Command, next.Invoke, Ct);

        Assert.Same(failure, response);
        await _unitOfWork.DidNotReceive().SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenHandlerReturnsAFailedGenericResult_ShouldNotSave()
    {
        var behaviour = new UnitOfWorkBehaviour<DisableDirectorySyncCommand, Result<Guid>>(_unitOfWork);
        var next = new RecordingNext<DisableDirectorySyncCommand, Result<Guid>>(
            Result<Guid>.Failure(OrganizationErrors.NotFound("contoso.com")));

        var response = await behaviour.Handle(Command, next.Invoke, Ct);

        Assert.True(response.IsFailure);
        await _unitOfWork.DidNotReceive().SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenHandlerThrows_ShouldRethrowAndNotSave()
    {
        var boom = new InvalidOperationException("boom");
        var next = new RecordingNext<DisableDirectorySyncCommand, Result>(boom);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => _behaviour.Handle(Command, next.Invoke, Ct).AsTask());

        Assert.Same(boom, thrown);
        await _unitOfWork.DidNotReceive().SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenSavingFails_ShouldLetTheExceptionThrough()
    {
        var conflict = new InvalidOperationException("conflict");
        _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).Returns(Task.FromException(conflict));
        var next = new RecordingNext<DisableDirectorySyncCommand, Result>(Result.Success());

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => _behaviour.Handle(Command, next.Invoke, Ct).AsTask());

        Assert.Same(conflict, thrown);
    }
}
