using ScimClean.Api.ScimErrors;
using ScimClean.Application.Groups.CreateGroup;
using ScimClean.Application.Groups.DeleteGroup;
using ScimClean.Application.Groups.GetGroup;
using ScimClean.Application.Groups.ListGroups;
using ScimClean.Application.Groups.PatchGroup;
using ScimClean.Application.Groups.ReplaceGroup;

namespace ScimClean.Api.Endpoints.Scim;

public static class GroupsEndpoints
{
    public static RouteGroupBuilder MapGroupsEndpoints(this RouteGroupBuilder scim)
    {
        var groups = scim.MapGroup("/Groups");

        groups.MapPost("/", (HttpContext http, ISender sender) => ScimEndpointInput.WithBodyAsync(http, async (body, context) =>
            ScimResponses.Created(await sender.Send(
                new CreateGroupCommand(context.OrganizationId, context.ScimBaseUrl, body), http.RequestAborted))));

        groups.MapGet("/", (HttpContext http, ISender sender) => ScimEndpointInput.WithQueryParametersAsync(http, async (parameters, context) =>
            ScimResponses.Json(await sender.Send(
                new ListGroupsQuery(context.OrganizationId, context.ScimBaseUrl, parameters), http.RequestAborted))));

        groups.MapPost("/.search", (HttpContext http, ISender sender) => ScimEndpointInput.WithSearchBodyAsync(http, async (parameters, context) =>
            ScimResponses.Json(await sender.Send(
                new ListGroupsQuery(context.OrganizationId, context.ScimBaseUrl, parameters), http.RequestAborted))));

        groups.MapGet("/{id}", (string id, HttpContext http, ISender sender) => ScimEndpointInput.WithQueryParametersAsync(http, async (query, context) =>
            ScimResponses.OkOrNotModified(
                await sender.Send(
                    new GetGroupQuery(context.OrganizationId, context.ScimBaseUrl, id, query.Attributes, query.ExcludedAttributes),
                    http.RequestAborted),
                http.Request)));

        groups.MapPut("/{id}", (string id, HttpContext http, ISender sender) => ScimEndpointInput.WithBodyAsync(http, async (body, context) =>
            ScimResponses.Ok(await sender.Send(
                new ReplaceGroupCommand(context.OrganizationId, context.ScimBaseUrl, id, body, UsersEndpoints.IfMatch(http)),
                http.RequestAborted))));

        // 204 by default (what Entra expects); 200 with the resource when the client asks for attributes (RFC 7644 §3.5.2).
        groups.MapPatch("/{id}", (string id, HttpContext http, ISender sender) => ScimEndpointInput.WithBodyAsync(http, async (body, context) =>
        {
            var patched = await sender.Send(
                new PatchGroupCommand(context.OrganizationId, id, body, UsersEndpoints.IfMatch(http)), http.RequestAborted);
            if (patched.IsFailure)
            {
                return ScimResults.Error(patched.Error!);
            }

            var query = ListParametersReader.FromQuery(http.Request.Query);
            if (query.IsFailure || (query.Value.Attributes is null && query.Value.ExcludedAttributes is null))
            {
                http.Response.Headers.ETag = patched.Value;
                return Results.NoContent();
            }

            return ScimResponses.Ok(await sender.Send(
                new GetGroupQuery(context.OrganizationId, context.ScimBaseUrl, id, query.Value.Attributes, query.Value.ExcludedAttributes),
                http.RequestAborted));
        }));

        groups.MapDelete("/{id}", async (string id, HttpContext http, ISender sender) =>
        {
            var context = ScimRequestContext.From(http);
            return ScimResponses.NoContent(await sender.Send(
                new DeleteGroupCommand(context.OrganizationId, id, UsersEndpoints.IfMatch(http)), http.RequestAborted));
        });

        return scim;
    }
}
