using System.Text.Json.Nodes;
using NSubstitute;
using ScimClean.Application.Common.Behaviours;
using ScimClean.Application.Common.Persistence;
using ScimClean.Application.Groups.ListGroups;
using ScimClean.Application.Scim.Querying;
using ScimClean.Domain.Common;

namespace ScimClean.Application.UnitTests.Common.Behaviours;

public sealed class SharedConnectionBehaviourTests
{
    private static readonly ListGroupsQuery Query = new(Guid.NewGuid(), "https://scim.example/org/contoso.com/scim/v2", new ListParameters(null, null, null, null, null, null, null));
    private readonly IDatabaseSession _session = Substitute.For<IDatabaseSession>();
    private readonly ConnectionProbe _connection = new();
    private readonly SharedConnectionBehaviour<ListGroupsQuery, Result<JsonObject>> _behaviour;

    public SharedConnectionBehaviourTests()
    {
        _session.HoldConnectionAsync(Arg.Any<CancellationToken>()).Returns(_ => _connection.Hold());
        _behaviour = new(_session);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_ShouldHoldOneConnectionWhileTheHandlerRunsAndReleaseItAfter()
    {
        var heldDuringHandler = false;
        var response = await _behaviour.Handle(Query, (_, _) =>
        {
            heldDuringHandler = _connection.Held;
            return ValueTask.FromResult(Result.Success(new JsonObject()));
        }, Ct);

        Assert.True(response.IsSuccess);
        Assert.True(heldDuringHandler);
        Assert.False(_connection.Held);
        await _session.Received(1).HoldConnectionAsync(Ct);
    }

    [Fact]
    public async Task Handle_WhenTheHandlerThrows_ShouldStillReleaseTheConnection()
    {
        var next = new RecordingNext<ListGroupsQuery, Result<JsonObject>>(new InvalidOperationException("boom"));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await _behaviour.Handle(Query, next.Invoke, Ct));

        Assert.False(_connection.Held);
        Assert.Equal(1, _connection.Releases);
    }

    /// <summary>Counts holds and releases of the fake connection.</summary>
    private sealed class ConnectionProbe
    {
        private int _holds;

        public bool Held => _holds > Releases;

        public int Releases { get; private set; }

        public IAsyncDisposable Hold()
        {
            _holds++;
            return new Release(this);
        }

        private sealed class Release(ConnectionProbe probe) : IAsyncDisposable
        {
            public ValueTask DisposeAsync()
            {
                probe.Releases++;
                return ValueTask.CompletedTask;
            }
        }
    }
}
