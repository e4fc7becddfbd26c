using ScimClean.Architecture.Tests.BadFixtures.Api.Endpoints;
using ScimClean.Architecture.Tests.BadFixtures.Application;
using ScimClean.Architecture.Tests.BadFixtures.Application.Groups;
using ScimClean.Architecture.Tests.BadFixtures.Application.Handlers;
using ScimClean.Architecture.Tests.BadFixtures.Domain;
using ScimClean.Architecture.Tests.BadFixtures.Domain.Users;
using ScimClean.Architecture.Tests.BadFixtures.Infrastructure;

namespace ScimClean.Architecture.Tests.Rules;

internal static class RuleCatalog
{
    public static readonly IReadOnlyDictionary<string, RuleCase> All = new RuleCase[]
    {
        new(
            "Domain is independent",
            ArchitectureRules.DomainIsIndependent,
            SelectsRealTypes: true,
            [
                typeof(DomainUsingApplication),
                typeof(DomainUsingInfrastructure),
                typeof(DomainUsingApi),
                typeof(DomainUsingEntityFrameworkCore),
                typeof(DomainUsingAspNetCore),
                typeof(DomainUsingMediator),
                typeof(DomainUsingFluentValidation),
                typeof(DomainUsingMapster),
                typeof(DomainUsingHttpClient),
            ]),
        new(
            "Application depends only on abstractions",
            ArchitectureRules.ApplicationDependsOnlyOnAbstractions,
            SelectsRealTypes: true,
            [
                typeof(ApplicationUsingInfrastructure),
                typeof(ApplicationUsingApi),
                typeof(ApplicationUsingEntityFrameworkCore),
                typeof(ApplicationUsingAspNetCore),
                typeof(ApplicationUsingPolly),
                typeof(ApplicationUsingHttpClient),
            ]),
        new(
            "Infrastructure does not depend on Api",
            ArchitectureRules.InfrastructureDoesNotDependOnApi,
            SelectsRealTypes: true,
            [typeof(InfrastructureUsingApi)]),
        new(
            "Handlers and validators are internal",
            (types, _) => ArchitectureRules.HandlersAndValidatorsAreInternal(types),
            SelectsRealTypes: true,
            [
                typeof(PublicCommandHandler),
                typeof(PublicUnitCommandHandler),
                typeof(PublicQueryHandler),
                typeof(PublicRequestHandler),
                typeof(PublicNotificationHandler),
                typeof(PublicValidator),
                typeof(PublicRawValidator),
            ]),
        new(
            "Endpoints do not depend on Infrastructure",
            ArchitectureRules.EndpointsDoNotDependOnInfrastructure,
            SelectsRealTypes: true,
            [typeof(LeakyEndpoints)]),
        // Users and Groups do not exist yet: vacuous on the real assemblies until they do.
        new(
            "Users do not depend on Groups",
            ArchitectureRules.UsersDoNotDependOnGroups,
            SelectsRealTypes: false,
            [typeof(UserUsingGroup)]),
        new(
            "Groups do not depend on Users",
            ArchitectureRules.GroupsDoNotDependOnUsers,
            SelectsRealTypes: false,
            [typeof(GroupHandlerUsingUser)]),
    }.ToDictionary(rule => rule.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names => new(All.Keys);
}
