using ScimClean.Api.Common;
using ScimClean.Application.DirectorySync;
using ScimClean.Application.DirectorySync.DisableDirectorySync;
using ScimClean.Application.DirectorySync.EnableDirectorySync;
using ScimClean.Application.DirectorySync.GetDirectorySync;
using ScimClean.Application.DirectorySync.RotateDirectoryToken;

namespace ScimClean.Api.Endpoints.Admin;

public static class DirectorySyncEndpoints
{
    public static RouteGroupBuilder MapDirectorySyncEndpoints(this RouteGroupBuilder admin)
    {
        var directorySync = admin.MapGroup("/organizations/{domain}/directory-sync").WithTags("Directory sync");

        directorySync.MapPost("/", async (string domain, HttpRequest http, IConfiguration configuration, ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(
                new EnableDirectorySyncCommand(domain, PublicBaseUrl.For(http, configuration)), cancellationToken);
            return result.IsSuccess
                ? Results.Created($"/admin/v1/organizations/{domain}/directory-sync", result.Value)
                : AdminResults.Problem(result.Error!);
        })
        .WithName("EnableDirectorySync")
        .WithSummary("Enables directory sync: returns the tenant URL and the secret token, shown only in this response.")
        .Produces<DirectorySyncCredentials>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        directorySync.MapGet("/", async (string domain, HttpRequest http, IConfiguration configuration, ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new GetDirectorySyncQuery(domain, PublicBaseUrl.For(http, configuration)), cancellationToken);
            return result.IsSuccess ? Results.Ok(result.Value) : AdminResults.Problem(result.Error!);
        })
        .WithName("GetDirectorySync")
        .WithSummary("The tenant URL, status, and last SCIM request time; never the token.")
        .Produces<DirectorySyncStatus>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        directorySync.MapPost("/token", async (
            string domain,
            RotateDirectoryTokenRequest? request,
            HttpRequest http,
            IConfiguration configuration,
            ISender sender,
            CancellationToken cancellationToken) =>
        {
            var command = new RotateDirectoryTokenCommand(
                domain, PublicBaseUrl.For(http, configuration), request?.GracePeriodSeconds ?? 0);
            var result = await sender.Send(command, cancellationToken);
            return result.IsSuccess ? Results.Ok(result.Value) : AdminResults.Problem(result.Error!);
        })
        .WithName("RotateDirectoryToken")
        .WithSummary("Issues a new token; the old one keeps working for gracePeriodSeconds (default 0, at most 7 days).")
        .Produces<DirectorySyncCredentials>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

        directorySync.MapDelete("/", async (string domain, ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new DisableDirectorySyncCommand(domain), cancellationToken);
            return result.IsSuccess ? Results.NoContent() : AdminResults.Problem(result.Error!);
        })
        .WithName("DisableDirectorySync")
        .WithSummary("Disables directory sync: every SCIM call for the organization gets 401 from now on.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

        return admin;
    }
}
