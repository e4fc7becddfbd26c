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

        groups.MapPost("/", async (HttpContext http, ISender sender) =>
        {
            var body = await ScimBody.ReadObjectAsync(http.Request);
            if (body.IsFailure)
            {
                return ScimResults.Error(body.Error!);
            }

            var context = ScimRequestContext.From(http);
            return ScimResponses.Created(await sender.Send(
                new CreateGroupCommand(context.OrganizationId, context.ScimBaseUrl, body.Value), http.RequestAborted));
        });

        groups.MapGet("/", async (HttpContext http, ISender sender) =>
        {
            var parameters = ListParametersReader.FromQuery(http.Request.Query);
            if (parameters.IsFailure)
            {
                return ScimResults.Error(parameters.Error!);
            }

            var context = ScimRequestContext.From(http);
            return ScimResponses.Json(await sender.Send(
                new ListGroupsQuery(context.OrganizationId, context.ScimBaseUrl, parameters.Value), http.RequestAborted));
        });

        groups.MapPost("/.search", async (HttpContext http, ISender sender) =>
        {
            var body = await ScimBody.ReadObjectAsync(http.Request);
            var parameters = body.IsSuccess ? ListParametersReader.FromSearchBody(body.Value) : body.Error!;
            if (parameters.IsFailure)
            {
                return ScimResults.Error(parameters.Error!);
            }

            var context = ScimRequestContext.From(http);
            return ScimResponses.Json(await sender.Send(
                new ListGroupsQuery(context.OrganizationId, context.ScimBaseUrl, parameters.Value), http.RequestAborted));
        });

        groups.MapGet("/{id}", async (string id, HttpContext http, ISender sender) =>
        {
            var query = ListParametersReader.FromQuery(http.Request.Query);
            if (query.IsFailure)
            {
                return ScimResults.Error(query.Error!);
            }

            var context = ScimRequestContext.From(http);
            var result = await sender.Send(
                new GetGroupQuery(context.OrganizationId, context.ScimBaseUrl, id, query.Value.Attributes, query.Value.ExcludedAttributes),
                http.RequestAborted);
            return ScimResponses.OkOrNotModified(result, http.Request);
        });

        groups.MapPut("/{id}", async (string id, HttpContext http, ISender sender) =>
        {
            var body = await ScimBody.ReadObjectAsync(http.Request);
            if (body.IsFailure)
            {
                return ScimResults.Error(body.Error!);
            }

            var context = ScimRequestContext.From(http);
            return ScimResponses.Ok(await sender.Send(
                new ReplaceGroupCommand(context.OrganizationId, context.ScimBaseUrl, id, body.Value, UsersEndpoints.IfMatch(http)),
                http.RequestAborted));
        });

        // 204 by default (what Entra expects); 200 with the resource when the client asks for attributes (RFC 7644 §3.5.2).
        groups.MapPatch("/{id}", async (string id, HttpContext http, ISender sender) =>
        {
            var body = await ScimBody.ReadObjectAsync(http.Request);
            if (body.IsFailure)
            {
                return ScimResults.Error(body.Error!);
            }

            var context = ScimRequestContext.From(http);
            var patched = await sender.Send(
                new PatchGroupCommand(context.OrganizationId, id, body.Value, UsersEndpoints.IfMatch(http)), http.RequestAborted);
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
        });

        groups.MapDelete("/{id}", async (string id, HttpContext http, ISender sender) =>
        {
            var context = ScimRequestContext.From(http);
            return ScimResponses.NoContent(await sender.Send(
                new DeleteGroupCommand(context.OrganizationId, id, UsersEndpoints.IfMatch(http)), http.RequestAborted));
        });

        return scim;
    }
}
