using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using ScimClean.Api.Auth;
using ScimClean.Api.Common;
using ScimClean.Api.Health;
using ScimClean.Api.Limits;
using ScimClean.Api.RateLimiting;
using ScimClean.Application.Audit;
using ScimClean.Application.Webhooks.Events;

namespace ScimClean.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(ScimClean.Application.Common.Behaviours.LoggingBehaviour<,>),
                typeof(ScimClean.Application.Common.Behaviours.ValidationBehaviour<,>),
                typeof(ScimClean.Application.Common.Behaviours.SharedConnectionBehaviour<,>),
                typeof(ScimClean.Application.Common.Behaviours.ConcurrencyRetryBehaviour<,>),
                typeof(ScimClean.Application.Common.Behaviours.UnitOfWorkBehaviour<,>),
            ];
        });

        services.AddSingleton<AdminApiKeyHash>();
        services.AddHttpContextAccessor();
        services.AddScoped<IScimBaseUrlResolver, ScimBaseUrlResolver>();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdminApiKeyAuthenticationHandler>(AuthSchemes.AdminApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, DirectoryTokenAuthenticationHandler>(AuthSchemes.DirectoryToken, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(AuthSchemes.AdminApiKey)
                .RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.Directory, policy => policy
                .AddAuthenticationSchemes(AuthSchemes.DirectoryToken)
                .RequireAuthenticatedUser());

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Malformed JSON must reach the exception handler, which answers with a readable error body.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => options.SerializerOptions.PropertyNameCaseInsensitive = true);
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddRequestLimits();
        services.AddScimRateLimiting();
        return services;
    }
}
