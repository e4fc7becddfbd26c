using FluentValidation;
using ScimClean.Application.Common.Behaviours;
using ScimClean.Application.Common.Exceptions;
using ScimClean.Application.Organizations;
using ScimClean.Application.Organizations.CreateOrganization;
using ScimClean.Domain.Common;

namespace ScimClean.Application.UnitTests.Common.Behaviours;

public sealed class ValidationBehaviourTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Result<OrganizationResponse> Response =
        new OrganizationResponse(Guid.NewGuid(), "contoso.com", "Contoso", DateTimeOffset.UnixEpoch, false);

    [Fact]
    public async Task Handle_WhenThereAreNoValidators_ShouldCallTheHandler()
    {
        var next = new RecordingNext<CreateOrganizationCommand, Result<OrganizationResponse>>(Response);
        var behaviour = new ValidationBehaviour<CreateOrganizationCommand, Result<OrganizationResponse>>([]);

        var response = await behaviour.Handle(new CreateOrganizationCommand(null, null), next.Invoke, Ct);

        Assert.Same(Response, response);
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task Handle_WhenMessageIsValid_ShouldCallTheHandlerAndPassItsResponseThrough()
    {
        var next = new RecordingNext<CreateOrganizationCommand, Result<OrganizationResponse>>(Response);
        var behaviour = new ValidationBehaviour<CreateOrganizationCommand, Result<OrganizationResponse>>(
            [new CreateOrganizationCommandValidator()]);

        var response = await behaviour.Handle(new CreateOrganizationCommand("contoso.com", "Contoso"), next.Invoke, Ct);

        Assert.Same(Response, response);
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task Handle_WhenMessageIsInvalid_ShouldThrowWithEveryFailureAndNotCallTheHandler()
    {
        var next = new RecordingNext<CreateOrganizationCommand, Result<OrganizationResponse>>(Response);
        var behaviour = new ValidationBehaviour<CreateOrganizationCommand, Result<OrganizationResponse>>(
            [new CreateOrganizationCommandValidator()]);

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() =>
            behaviour.Handle(new CreateOrganizationCommand("", null), next.Invoke, Ct).AsTask());

        Assert.Equal(0, next.Calls);
        Assert.Equal(
            [nameof(CreateOrganizationCommand.Domain), nameof(CreateOrganizationCommand.Name)],
            exception.Failures.Select(failure => failure.Property));
        Assert.Contains("domain is required", exception.Failures[0].Message, StringComparison.Ordinal);
        Assert.Contains("domain is required", exception.Message, StringComparison.Ordinal);
        Assert.Contains("name is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_WhenValidatorSetsAnErrorCode_ShouldCarryItOnTheException()
    {
        var next = new RecordingNext<CreateOrganizationCommand, Result<OrganizationResponse>>(Response);
        var validator = new InlineValidator<CreateOrganizationCommand>();
        validator.RuleFor(command => command.Name).NotEmpty().WithErrorCode("invalidSyntax").WithMessage("name is required");
        var behaviour = new ValidationBehaviour<CreateOrganizationCommand, Result<OrganizationResponse>>([validator]);

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() =>
            behaviour.Handle(new CreateOrganizationCommand("contoso.com", null), next.Invoke, Ct).AsTask());

        var failure = Assert.Single(exception.Failures);
        Assert.Equal(new RequestValidationFailure("Name", "name is required", "invalidSyntax"), failure);
        Assert.Equal("invalidSyntax", exception.ErrorCode);
    }

    [Fact]
    public async Task Handle_WithSeveralValidators_ShouldCollectTheFailuresOfAll()
    {
        var next = new RecordingNext<CreateOrganizationCommand, Result<OrganizationResponse>>(Response);
        var first = new InlineValidator<CreateOrganizationCommand>();
        first.RuleFor(command => command.Domain).Must(_ => false).WithMessage("first");
        var second = new InlineValidator<CreateOrganizationCommand>();
        second.RuleFor(command => command.Name).Must(_ => false).WithMessage("second").WithErrorCode("invalidValue");
        var behaviour = new ValidationBehaviour<CreateOrganizationCommand, Result<OrganizationResponse>>([first, second]);

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() =>
            behaviour.Handle(new CreateOrganizationCommand("contoso.com", "Contoso"), next.Invoke, Ct).AsTask());

        Assert.Equal(["first", "second"], exception.Failures.Select(failure => failure.Message).ToArray(), StringComparer.Ordinal);
        Assert.Equal(0, next.Calls);
    }
}
