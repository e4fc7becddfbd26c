using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using ScimClean.Api;
using ScimClean.Api.Auth;
using ScimClean.Api.Common;
using ScimClean.Api.Endpoints.Admin;
using ScimClean.Api.Endpoints.Scim;
using ScimClean.Application;
using ScimClean.Infrastructure;
using ScimClean.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddApi();

var app = builder.Build();

await app.Services.MigrateDatabaseAsync();
await app.Services.InitializeAdminApiKeyAsync();

app.UseExceptionHandler();
app.UseStatusCodePages(StatusCodeBodies.WriteAsync);
app.UseRequestHardening();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

app.MapGroup("/admin/v1")
    .RequireAuthorization(AuthPolicies.Admin)
    .MapOrganizationsEndpoints()
    .MapDirectorySyncEndpoints()
    .MapWebhookEndpointsEndpoints()
    .MapEventsEndpoints()
    .MapAuditLogEndpoints()
    .MapDatabaseEndpoints();

app.MapScimGroup();

await app.RunAsync();

/// <summary>Entry point; public so that integration tests can host it.</summary>
public partial class Program;
