using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using ScimClean.Application.Common.Behaviours;
using ScimClean.Application.Common.Exceptions;
using ScimClean.Application.Common.Persistence;
using ScimClean.Application.Groups.PatchGroup;
using ScimClean.Domain.Common;

namespace ScimClean.Application.UnitTests.Common.Behaviours;

public sealed class ConcurrencyRetryBehaviourTests
{
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly ConcurrencyRetryBehaviour<PatchGroupCommand, Result<string>> _behaviour;

    public ConcurrencyRetryBehaviourTests() =>
        _behaviour = new ConcurrencyRetryBehaviour<PatchGroupCommand, Result<string>>(
            _unitOfWork, new ResourceQueue(), NullLogger<ConcurrencyRetryBehaviour<PatchGroupCommand, Result<string>>>.Instance);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PatchGroupCommand Patch(Guid organizationId, string groupId) => new(organizationId, groupId, new JsonObject(), null);

    [Fact]
    public async Task Handle_WhenTwoCommandsChangeOneResource_ShouldRunTheSecondAfterTheFirst()
    {
        var organizationId = Guid.NewGuid();
        var groupId = Guid.NewGuid().ToString();
        var firstRunning = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var secondStarted = false;

        var first = _behaviour.Handle(Patch(organizationId, groupId), async (_, _) =>
        {
            firstRunning.SetResult();
            await releaseFirst.Task;
            return Result<string>.Success("\"1\"");
        }, Ct).AsTask();
        await firstRunning.Task;
        var second = _behaviour.Handle(Patch(organizationId, groupId), (_, _) =>
        {
            secondStarted = true;
            return ValueTask.FromResult(Result<string>.Success("\"2\""));
        }, Ct).AsTask();

        Assert.False(secondStarted);
        releaseFirst.SetResult();
        await Task.WhenAll(first, second);
        Assert.True(secondStarted);
    }

    [Fact]
    public async Task Handle_WhenCommandsChangeDifferentResources_ShouldNotWaitForEachOther()
    {
        var organizationId = Guid.NewGuid();
        var releaseFirst = new TaskCompletionSource();
        var first = _behaviour.Handle(Patch(organizationId, Guid.NewGuid().ToString()), async (_, _) =>
        {
            await releaseFirst.Task;
            return Result<string>.Success("\"1\"");
        }, Ct).AsTask();

        var second = await _behaviour.Handle(
            Patch(organizationId, Guid.NewGuid().ToString()), (_, _) => ValueTask.FromResult(Result<string>.Success("\"2\"")), Ct);

        Assert.True(second.IsSuccess);
        releaseFirst.SetResult();
        await first;
    }

    [Fact]
    public async Task Handle_WhenCommitConflicts_ShouldRetryAndReleaseTheResourceAfterwards()
    {
        var command = Patch(Guid.NewGuid(), Guid.NewGuid().ToString());
        var calls = 0;

        var result = await _behaviour.Handle(command, (_, _) =>
        {
            calls++;
            return calls == 1
                ? ValueTask.FromException<Result<string>>(new ConcurrencyConflictException("conflict", new InvalidOperationException()))
                : ValueTask.FromResult(Result<string>.Success("\"2\""));
        }, Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, calls);
        _unitOfWork.Received(1).DiscardChanges();
        // The same resource can be entered again at once: the first run left nothing held.
        var again = await _behaviour.Handle(command, (_, _) => ValueTask.FromResult(Result<string>.Success("\"3\"")), Ct);
        Assert.True(again.IsSuccess);
    }
}
