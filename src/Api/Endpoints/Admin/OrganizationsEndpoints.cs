using ScimClean.Api.Common;
using ScimClean.Application.Organizations;
using ScimClean.Application.Organizations.CreateOrganization;
using ScimClean.Application.Organizations.DeleteOrganization;
using ScimClean.Application.Organizations.GetOrganization;
using ScimClean.Application.Organizations.ListOrganizations;

namespace ScimClean.Api.Endpoints.Admin;

public static class OrganizationsEndpoints
{
    public static RouteGroupBuilder MapOrganizationsEndpoints(this RouteGroupBuilder admin)
    {
        var organizations = admin.MapGroup("/organizations").WithTags("Organizations");

        organizations.MapPost("/", async (CreateOrganizationRequest request, ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new CreateOrganizationCommand(request.Domain, request.Name), cancellationToken);
            return result.IsSuccess
                ? Results.Created($"/admin/v1/organizations/{result.Value.Domain}", result.Value)
                : AdminResults.Problem(result.Error!);
        })
        .WithName("CreateOrganization")
        .WithSummary("Creates an organization, known by its domain.")
        .Produces<OrganizationResponse>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict);

        organizations.MapGet("/", async (ISender sender, CancellationToken cancellationToken) =>
            Results.Ok(await sender.Send(new ListOrganizationsQuery(), cancellationToken)))
        .WithName("ListOrganizations")
        .WithSummary("Lists every organization, ordered by domain.")
        .Produces<IReadOnlyList<OrganizationResponse>>();

        organizations.MapGet("/{domain}", async (string domain, ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new GetOrganizationQuery(domain), cancellationToken);
            return result.IsSuccess ? Results.Ok(result.Value) : AdminResults.Problem(result.Error!);
        })
        .WithName("GetOrganization")
        .Produces<OrganizationResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        organizations.MapDelete("/{domain}", async (string domain, ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new DeleteOrganizationCommand(domain), cancellationToken);
            return result.IsSuccess ? Results.NoContent() : AdminResults.Problem(result.Error!);
        })
        .WithName("DeleteOrganization")
        .WithSummary("Deletes an organization with all of its directory data.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

        return admin;
    }
}
