using Microsoft.Extensions.Options;
using ScimClean.Application.Scim;

namespace ScimClean.Api.Limits;

public static class LimitsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="ScimLimits"/> from <c>Scim:Limits</c> (checked at start-up) and shares it as a singleton.</summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<ScimLimits>()
            .BindConfiguration(ScimLimits.SectionName)
            .Validate(limits => limits.IsValid(), "every Scim:Limits value must be positive")
            .ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ScimLimits>>().Value);
        return services;
    }
}
