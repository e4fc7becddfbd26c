namespace ScimClean.Architecture.Tests.Rules;

/// <summary>Namespaces (and so the packages behind them) a layer must not use.</summary>
internal static class ForbiddenDependencies
{
    public const string EntityFrameworkCore = "Microsoft.EntityFrameworkCore";
    public const string AspNetCore = "Microsoft.AspNetCore";
    public const string Mediator = "Mediator";
    public const string FluentValidation = "FluentValidation";
    public const string Mapster = "Mapster";
    public const string Polly = "Polly";
    public const string HttpClient = "System.Net.Http";

    public static string[] ForDomain(Layers layers) =>
    [
        layers.Application,
        layers.Infrastructure,
        layers.Api,
        EntityFrameworkCore,
        AspNetCore,
        Mediator,
        FluentValidation,
        Mapster,
        HttpClient,
    ];

    public static string[] ForApplication(Layers layers) =>
    [
        layers.Infrastructure,
        layers.Api,
        EntityFrameworkCore,
        AspNetCore,
        Polly,
        HttpClient,
    ];

    public static string[] ForInfrastructure(Layers layers) => [layers.Api];
}
