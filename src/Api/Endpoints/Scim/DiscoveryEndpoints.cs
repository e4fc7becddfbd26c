using ScimClean.Api.ScimErrors;
using ScimClean.Application.Discovery.GetServiceProviderConfig;
using ScimClean.Application.Discovery.ListResourceTypes;
using ScimClean.Application.Discovery.ListSchemas;

namespace ScimClean.Api.Endpoints.Scim;

/// <summary>RFC 7644 §4: served from the schema definitions in code, behind the organization's token.</summary>
public static class DiscoveryEndpoints
{
    public static RouteGroupBuilder MapDiscoveryEndpoints(this RouteGroupBuilder scim)
    {
        scim.MapGet("/ServiceProviderConfig", async (HttpContext http, ISender sender) =>
        {
            var context = ScimRequestContext.From(http);
            var document = await sender.Send(new GetServiceProviderConfigQuery(context.ScimBaseUrl), http.RequestAborted);
            return new ScimJsonResult(document, StatusCodes.Status200OK);
        });

        scim.MapGet("/ResourceTypes", async (HttpContext http, ISender sender) =>
            ScimResponses.Json(await sender.Send(
                new ListResourceTypesQuery(ScimRequestContext.From(http).ScimBaseUrl, null), http.RequestAborted)));

        scim.MapGet("/ResourceTypes/{name}", async (string name, HttpContext http, ISender sender) =>
            ScimResponses.Json(await sender.Send(
                new ListResourceTypesQuery(ScimRequestContext.From(http).ScimBaseUrl, name), http.RequestAborted)));

        scim.MapGet("/Schemas", async (HttpContext http, ISender sender) =>
            ScimResponses.Json(await sender.Send(
                new ListSchemasQuery(ScimRequestContext.From(http).ScimBaseUrl, null), http.RequestAborted)));

        scim.MapGet("/Schemas/{urn}", async (string urn, HttpContext http, ISender sender) =>
            ScimResponses.Json(await sender.Send(
                new ListSchemasQuery(ScimRequestContext.From(http).ScimBaseUrl, urn), http.RequestAborted)));

        return scim;
    }
}
