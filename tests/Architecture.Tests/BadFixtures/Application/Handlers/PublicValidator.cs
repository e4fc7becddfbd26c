using FluentValidation;

namespace ScimClean.Architecture.Tests.BadFixtures.Application.Handlers;

public sealed class PublicValidator : AbstractValidator<FixtureCommand>;
