using Microsoft.Extensions.Logging;
using ScimClean.Application.Common.Behaviours;
using ScimClean.Application.DirectorySync.AuthenticateDirectory;
using ScimClean.Application.UnitTests.TestSupport;
using ScimClean.Domain.Common;

namespace ScimClean.Application.UnitTests.Common.Behaviours;

public sealed class LoggingBehaviourTests
{
    private const string Secret = "scim_very-secret-token";
    private static readonly AuthenticateDirectoryCommand Command = new("contoso.com", Secret);
    private readonly RecordingLogger<LoggingBehaviour<AuthenticateDirectoryCommand, Result<DirectoryPrincipal>>> _logger = new();
    private readonly LoggingBehaviour<AuthenticateDirectoryCommand, Result<DirectoryPrincipal>> _behaviour;

    public LoggingBehaviourTests() =>
        _behaviour = new LoggingBehaviour<AuthenticateDirectoryCommand, Result<DirectoryPrincipal>>(_logger);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenHandlerSucceeds_ShouldPassTheResponseThroughAndLogTheName()
    {
        Result<DirectoryPrincipal> success = new DirectoryPrincipal(Guid.NewGuid(), "contoso.com");
        var next = new RecordingNext<AuthenticateDirectoryCommand, Result<DirectoryPrincipal>>(success);

        var response = await _behaviour.Handle(Command, next.Invoke, Ct);

        Assert.Same(success, response);
        Assert.Equal(1, next.Calls);
        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Contains(nameof(AuthenticateDirectoryCommand), entry.Message, StringComparison.Ordinal);
        Assert.Contains("succeeded", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_WhenHandlerReturnsAFailure_ShouldPassItThroughAndLogTheErrorCode()
    {
        Result<DirectoryPrincipal> failure = DirectoryAuthenticationErrors.InvalidCredentials;
        var next = new RecordingNext<AuthenticateDirectoryCommand, Result<DirectoryPrincipal>>(failure);

        var response = await _behaviour.Handle(Command, next.Invoke, Ct);

        Assert.Same(failure, response);
        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("directory.unauthorized", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_WhenHandlerThrows_ShouldLogTheExceptionAndRethrowIt()
    {
        var boom = new InvalidOperationException("boom");
        var next = new RecordingNext<AuthenticateDirectoryCommand, Result<DirectoryPrincipal>>(boom);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => _behaviour.Handle(Command, next.Invoke, Ct).AsTask());

        Assert.Same(boom, thrown);
        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(boom, entry.Exception);
        Assert.Contains(nameof(InvalidOperationException), entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_WhenCancelled_ShouldRethrowWithoutLoggingAnError()
    {
        var next = new RecordingNext<AuthenticateDirectoryCommand, Result<DirectoryPrincipal>>(new OperationCanceledException());

        await Assert.ThrowsAsync<OperationCanceledException>(() => _behaviour.Handle(Command, next.Invoke, Ct).AsTask());

        Assert.DoesNotContain(_logger.Entries, entry => entry.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Handle_ShouldNeverLogTheMessageContent()
    {
        Result<DirectoryPrincipal> failure = DirectoryAuthenticationErrors.InvalidCredentials;
        await _behaviour.Handle(Command, new RecordingNext<AuthenticateDirectoryCommand, Result<DirectoryPrincipal>>(failure).Invoke, Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _behaviour.Handle(
            Command,
            new RecordingNext<AuthenticateDirectoryCommand, Result<DirectoryPrincipal>>(new InvalidOperationException("boom")).Invoke,
            Ct).AsTask());

        Assert.NotEmpty(_logger.Entries);
        Assert.All(_logger.Entries, entry => Assert.DoesNotContain(Secret, entry.Message, StringComparison.Ordinal));
    }
}
