using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using ScimClean.Application.Audit;
using ScimClean.Application.Common.Behaviours;
using ScimClean.Application.DirectorySync.AuthenticateDirectory;
using ScimClean.Application.Webhooks.Events;

namespace ScimClean.Application;

public static class DependencyInjection
{
    /// <summary>Registers validators; the mediator itself is generated and registered in the API.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<IOutgoingEventFactory, OutgoingEventFactory>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddSingleton<DirectoryCredentialCache>();
        services.AddSingleton<ResourceQueue>();
        return services;
    }
}
