using Microsoft.Net.Http.Headers;
using ScimClean.Api.ScimErrors;
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

        users.MapPost("/", async (HttpContext http, ISender sender) =>
        {
            var body = await ScimBody.ReadObjectAsync(http.Request);
            if (body.IsFailure)
            {
                return ScimResults.Error(body.Error!);
            }

            var context = ScimRequestContext.From(http);
            return ScimResponses.Created(await sender.Send(
                new CreateUserCommand(context.OrganizationId, context.ScimBaseUrl, body.Value), http.RequestAborted));
        });

        users.MapGet("/", async (HttpContext http, ISender sender) =>
        {
            var parameters = ListParametersReader.FromQuery(http.Request.Query);
            if (parameters.IsFailure)
            {
                return ScimResults.Error(parameters.Error!);
            }

            var context = ScimRequestContext.From(http);
            return ScimResponses.Json(await sender.Send(
                new ListUsersQuery(context.OrganizationId, context.ScimBaseUrl, parameters.Value), http.RequestAborted));
        });

        users.MapPost("/.search", async (HttpContext http, ISender sender) =>
        {
            var body = await ScimBody.ReadObjectAsync(http.Request);
            var parameters = body.IsSuccess ? ListParametersReader.FromSearchBody(body.Value) : body.Error!;
            if (parameters.IsFailure)
            {
                return ScimResults.Error(parameters.Error!);
            }

            var context = ScimRequestContext.From(http);
            return ScimResponses.Json(await sender.Send(
                new ListUsersQuery(context.OrganizationId, context.ScimBaseUrl, parameters.Value), http.RequestAborted));
        });

        users.MapGet("/{id}", async (string id, HttpContext http, ISender sender) =>
        {
            var query = ListParametersReader.FromQuery(http.Request.Query);
            if (query.IsFailure)
            {
                return ScimResults.Error(query.Error!);
            }

            var context = ScimRequestContext.From(http);
            var result = await sender.Send(
                new GetUserQuery(context.OrganizationId, context.ScimBaseUrl, id, query.Value.Attributes, query.Value.ExcludedAttributes),
                http.RequestAborted);
            return ScimResponses.OkOrNotModified(result, http.Request);
        });

        users.MapPut("/{id}", async (string id, HttpContext http, ISender sender) =>
        {
            var body = await ScimBody.ReadObjectAsync(http.Request);
            if (body.IsFailure)
            {
                return ScimResults.Error(body.Error!);
            }

            var context = ScimRequestContext.From(http);
            return ScimResponses.Ok(await sender.Send(
                new ReplaceUserCommand(context.OrganizationId, context.ScimBaseUrl, id, body.Value, IfMatch(http)),
                http.RequestAborted));
        });

        users.MapPatch("/{id}", async (string id, HttpContext http, ISender sender) =>
        {
            var body = await ScimBody.ReadObjectAsync(http.Request);
            if (body.IsFailure)
            {
                return ScimResults.Error(body.Error!);
            }

            var context = ScimRequestContext.From(http);
            return ScimResponses.Ok(await sender.Send(
                new PatchUserCommand(context.OrganizationId, context.ScimBaseUrl, id, body.Value, IfMatch(http)),
                http.RequestAborted));
        });

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
