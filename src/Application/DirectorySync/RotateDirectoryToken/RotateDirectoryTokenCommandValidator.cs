using FluentValidation;

namespace ScimClean.Application.DirectorySync.RotateDirectoryToken;

internal sealed class RotateDirectoryTokenCommandValidator : AbstractValidator<RotateDirectoryTokenCommand>
{
    public const int MaxGracePeriodSeconds = 7 * 24 * 60 * 60;

    public RotateDirectoryTokenCommandValidator() =>
        RuleFor(command => command.GracePeriodSeconds)
            .InclusiveBetween(0, MaxGracePeriodSeconds)
            .WithMessage($"gracePeriodSeconds must be between 0 and {MaxGracePeriodSeconds} (7 days)");
}
