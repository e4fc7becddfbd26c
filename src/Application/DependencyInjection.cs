using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace ScimClean.Application;

public static class DependencyInjection
{
    /// <summary>Registers validators; the mediator itself is generated and registered in the API.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}
