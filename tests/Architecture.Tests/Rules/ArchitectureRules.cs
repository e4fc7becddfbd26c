using System.Text.RegularExpressions;
using FluentValidation;
using Mediator;
using NetArchTest.Rules;

namespace ScimClean.Architecture.Tests.Rules;

/// <summary>
/// Every architecture rule, as a function of the types to check and the layer namespaces. The tests run each
/// rule twice: over the real assemblies (it must pass and must have selected something) and over
/// <c>BadFixtures</c> (it must report exactly the bad fixtures).
/// </summary>
internal static class ArchitectureRules
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(ICommandHandler<>),
        typeof(ICommandHandler<,>),
        typeof(IQueryHandler<,>),
        typeof(IRequestHandler<>),
        typeof(IRequestHandler<,>),
        typeof(INotificationHandler<>),
        typeof(IStreamCommandHandler<,>),
        typeof(IStreamQueryHandler<,>),
        typeof(IStreamRequestHandler<,>),
        typeof(IValidator<>),
    ];

    public static ConditionList DomainIsIndependent(Types types, Layers layers) =>
        InNamespace(types, layers.Domain)
            .Should()
            .NotHaveDependencyOnAny(ForbiddenDependencies.ForDomain(layers));

    public static ConditionList ApplicationDependsOnlyOnAbstractions(Types types, Layers layers) =>
        InNamespace(types, layers.Application)
            .Should()
            .NotHaveDependencyOnAny(ForbiddenDependencies.ForApplication(layers));

    public static ConditionList InfrastructureDoesNotDependOnApi(Types types, Layers layers) =>
        InNamespace(types, layers.Infrastructure)
            .Should()
            .NotHaveDependencyOnAny(ForbiddenDependencies.ForInfrastructure(layers));

    /// <summary>
    /// Handlers and validators are found by the generated mediator and by DI; nothing else may use them.
    /// <c>AbstractValidator&lt;T&gt;</c> implements <c>IValidator&lt;T&gt;</c>; it is listed too, so a
    /// validator is caught even if the interface check ever stopped looking at base classes.
    /// </summary>
    public static ConditionList HandlersAndValidatorsAreInternal(Types types)
    {
        var handlers = types.That().Inherit(typeof(AbstractValidator<>));
        foreach (var handlerInterface in HandlerInterfaces)
        {
            handlers = handlers.Or().ImplementInterface(handlerInterface);
        }

        return handlers.Should().NotBePublic();
    }

    /// <summary>Endpoints map HTTP to <c>ISender</c>; only DI code may touch Infrastructure.</summary>
    public static ConditionList EndpointsDoNotDependOnInfrastructure(Types types, Layers layers) =>
        types.That()
            .ResideInNamespaceMatching($"^{Regex.Escape(layers.Api)}\\.Endpoints")
            .Should()
            .NotHaveDependencyOnAny(layers.Infrastructure);

    /// <summary>Users never use Groups' types (groups hold member ids), in Domain and Application.</summary>
    public static ConditionList UsersDoNotDependOnGroups(Types types, Layers layers) =>
        ModuleDoesNotDependOnModule(types, layers, "Users", "Groups");

    public static ConditionList GroupsDoNotDependOnUsers(Types types, Layers layers) =>
        ModuleDoesNotDependOnModule(types, layers, "Groups", "Users");

    private static ConditionList ModuleDoesNotDependOnModule(Types types, Layers layers, string module, string forbidden) =>
        types.That()
            .ResideInNamespaceMatching($"^({Regex.Escape(layers.Domain)}|{Regex.Escape(layers.Application)})\\.{module}(\\.|$)")
            .Should()
            .NotHaveDependencyOnAny($"{layers.Domain}.{forbidden}", $"{layers.Application}.{forbidden}");

    private static PredicateList InNamespace(Types types, string @namespace) =>
        types.That().ResideInNamespaceMatching(NamespacePattern(@namespace));

    private static string NamespacePattern(string @namespace) => $"^{Regex.Escape(@namespace)}(\\.|$)";
}
