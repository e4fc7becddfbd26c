using ScimClean.Api.Common;
using ScimClean.Application.Audit;
using ScimClean.Application.Audit.ListAuditLog;
using ScimClean.Application.Audit.ListOrganizationAuditLog;

namespace ScimClean.Api.Endpoints.Admin;

public static class AuditLogEndpoints
{
    public static RouteGroupBuilder MapAuditLogEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/audit-log", async (
            string? after,
            int? limit,
            string? organization,
            string? action,
            ISender sender,
            CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new ListAuditLogQuery(after, limit, organization, action), cancellationToken);
            return result.IsSuccess ? Results.Ok(result.Value) : AdminResults.Problem(result.Error!);
        })
        .WithTags("Audit log")
        .WithName("ListAuditLog")
        .WithSummary("Admin actions, newest first (limit 1 to 1000, default 100; after = nextCursor); filter by organization and action (\"webhook.*\").")
        .Produces<AuditLogPage>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        admin.MapGet("/organizations/{domain}/audit-log", async (
            string domain,
            string? after,
            int? limit,
            string? action,
            ISender sender,
            CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new ListOrganizationAuditLogQuery(domain, after, limit, action), cancellationToken);
            return result.IsSuccess ? Results.Ok(result.Value) : AdminResults.Problem(result.Error!);
        })
        .WithTags("Audit log")
        .WithName("ListOrganizationAuditLog")
        .WithSummary("One organization's admin actions, newest first; 404 when the organization does not exist.")
        .Produces<AuditLogPage>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

        return admin;
    }
}
