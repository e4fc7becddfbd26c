using Microsoft.Net.Http.Headers;
using ScimClean.Application.Users.CreateUser;
using ScimClean.Application.Users.DeleteUser;
using ScimClean.Application.Users.GetUser;
using ScimClean.Application.Users.ListUsers;
using ScimClean.Application.Users.PatchUser;
using ScimClean.Application.Users.ReplaceUser;

namespace ScimClean.Api.Endpoints.Scim;

public static class UsersEndpoints
{
    public static RouteGroupBuilder MapUsersEndpoints(this RouteGroupBuilder scim)
    {
        var users = scim.MapGroup("/Users");

        users.MapPost("/", (HttpContext http, ISender sender) => ScimEndpointInput.WithBodyAsync(http, async (body, context) =>
            ScimResponses.Created(await sender.Send(
                new CreateUserCommand(context.OrganizationId, context.ScimBaseUrl, body), http.RequestAborted))));

        users.MapGet("/", (HttpContext http, ISender sender) => ScimEndpointInput.WithQueryParametersAsync(http, async (parameters, context) =>
            ScimResponses.Json(await sender.Send(
                new ListUsersQuery(context.OrganizationId, context.ScimBaseUrl, parameters), http.RequestAborted))));

        users.MapPost("/.search", (HttpContext http, ISender sender) => ScimEndpointInput.WithSearchBodyAsync(http, async (parameters, context) =>
            ScimResponses.Json(await sender.Send(
                new ListUsersQuery(context.OrganizationId, context.ScimBaseUrl, parameters), http.RequestAborted))));

        users.MapGet("/{id}", (string id, HttpContext http, ISender sender) => ScimEndpointInput.WithQueryParametersAsync(http, async (query, context) =>
            ScimResponses.OkOrNotModified(
                await sender.Send(
                    new GetUserQuery(context.OrganizationId, context.ScimBaseUrl, id, query.Attributes, query.ExcludedAttributes),
                    http.RequestAborted),
                http.Request)));

        users.MapPut("/{id}", (string id, HttpContext http, ISender sender) => ScimEndpointInput.WithBodyAsync(http, async (body, context) =>
            ScimResponses.Ok(await sender.Send(
                new ReplaceUserCommand(context.OrganizationId, context.ScimBaseUrl, id, body, IfMatch(http)), http.RequestAborted))));

        users.MapPatch("/{id}", (string id, HttpContext http, ISender sender) => ScimEndpointInput.WithBodyAsync(http, async (body, context) =>
            ScimResponses.Ok(await sender.Send(
                new PatchUserCommand(context.OrganizationId, context.ScimBaseUrl, id, body, IfMatch(http)), http.RequestAborted))));

        users.MapDelete("/{id}", async (string id, HttpContext http, ISender sender) =>
        {
            var context = ScimRequestContext.From(http);
            return ScimResponses.NoContent(await sender.Send(
                new DeleteUserCommand(context.OrganizationId, id, IfMatch(http)), http.RequestAborted));
        });

        return scim;
    }

    internal static string? IfMatch(HttpContext http) =>
        http.Request.Headers[HeaderNames.IfMatch].ToString() is { Length: > 0 } value ? value : null;
}
