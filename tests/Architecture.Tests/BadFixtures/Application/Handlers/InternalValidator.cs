using FluentValidation;

namespace ScimClean.Architecture.Tests.BadFixtures.Application.Handlers;

internal sealed class InternalValidator : AbstractValidator<FixtureCommand>;
