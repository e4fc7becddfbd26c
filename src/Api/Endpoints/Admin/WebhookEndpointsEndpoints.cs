using ScimClean.Api.Common;
using ScimClean.Application.Webhooks;
using ScimClean.Application.Webhooks.CreateWebhookEndpoint;
using ScimClean.Application.Webhooks.DeleteWebhookEndpoint;
using ScimClean.Application.Webhooks.GetWebhookEndpoint;
using ScimClean.Application.Webhooks.ListWebhookDeliveries;
using ScimClean.Application.Webhooks.ListWebhookEndpoints;
using ScimClean.Application.Webhooks.ReplayWebhookEvents;
using ScimClean.Application.Webhooks.RetryWebhookDelivery;
using ScimClean.Application.Webhooks.RotateWebhookSecret;
using ScimClean.Application.Webhooks.UpdateWebhookEndpoint;

namespace ScimClean.Api.Endpoints.Admin;

public static class WebhookEndpointsEndpoints
{
    public static RouteGroupBuilder MapWebhookEndpointsEndpoints(this RouteGroupBuilder admin)
    {
        var endpoints = admin.MapGroup("/webhook-endpoints").WithTags("Webhooks");

        endpoints.MapPost("/", async (CreateWebhookEndpointRequest request, ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(
                new CreateWebhookEndpointCommand(request.Url, request.Events, request.Organizations), cancellationToken);
            return result.IsSuccess
                ? Results.Created($"/admin/v1/webhook-endpoints/{result.Value.Id}", result.Value)
                : AdminResults.Problem(result.Error!);
        })
        .WithName("CreateWebhookEndpoint")
        .WithSummary("Registers a webhook endpoint; returns its signing secret (whsec_...), shown only in this response.")
        .Produces<CreatedWebhookEndpointResponse>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest);

        endpoints.MapGet("/", async (ISender sender, CancellationToken cancellationToken) =>
            Results.Ok(await sender.Send(new ListWebhookEndpointsQuery(), cancellationToken)))
        .WithName("ListWebhookEndpoints")
        .WithSummary("Lists every webhook endpoint, oldest first; never their secrets.")
        .Produces<IReadOnlyList<WebhookEndpointResponse>>();

        endpoints.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new GetWebhookEndpointQuery(id), cancellationToken);
            return result.IsSuccess ? Results.Ok(result.Value) : AdminResults.Problem(result.Error!);
        })
        .WithName("GetWebhookEndpoint")
        .WithSummary("One webhook endpoint; never its secret.")
        .Produces<WebhookEndpointResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapPatch("/{id:guid}", async (
            Guid id,
            UpdateWebhookEndpointRequest request,
            ISender sender,
            CancellationToken cancellationToken) =>
        {
            var command = new UpdateWebhookEndpointCommand(id, request.Url, request.Events, request.Organizations, request.Enabled);
            var result = await sender.Send(command, cancellationToken);
            return result.IsSuccess ? Results.Ok(result.Value) : AdminResults.Problem(result.Error!);
        })
        .WithName("UpdateWebhookEndpoint")
        .WithSummary("Changes the URL, subscriptions or enabled state; enabling resumes the pending deliveries.")
        .Produces<WebhookEndpointResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new DeleteWebhookEndpointCommand(id), cancellationToken);
            return result.IsSuccess ? Results.NoContent() : AdminResults.Problem(result.Error!);
        })
        .WithName("DeleteWebhookEndpoint")
        .WithSummary("Deletes a webhook endpoint with its deliveries.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapPost("/{id:guid}/secret", async (
            Guid id,
            RotateWebhookSecretRequest? request,
            ISender sender,
            CancellationToken cancellationToken) =>
        {
            var grace = request?.GracePeriodSeconds ?? RotateWebhookSecretCommand.DefaultGracePeriodSeconds;
            var result = await sender.Send(new RotateWebhookSecretCommand(id, grace), cancellationToken);
            return result.IsSuccess ? Results.Ok(result.Value) : AdminResults.Problem(result.Error!);
        })
        .WithName("RotateWebhookSecret")
        .WithSummary("Issues a new signing secret; the old one keeps signing beside it for gracePeriodSeconds (default 1 day, at most 7).")
        .Produces<WebhookSecretResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapGet("/{id:guid}/deliveries", async (
            Guid id,
            string? status,
            int? limit,
            string? after,
            ISender sender,
            CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new ListWebhookDeliveriesQuery(id, status, limit, after), cancellationToken);
            return result.IsSuccess ? Results.Ok(result.Value) : AdminResults.Problem(result.Error!);
        })
        .WithName("ListWebhookDeliveries")
        .WithSummary("The endpoint's deliveries, newest first; status filters (pending, in_flight, succeeded, failed); after = nextCursor.")
        .Produces<WebhookDeliveryPage>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapPost("/{id:guid}/replay", async (
            Guid id,
            ReplayWebhookEventsRequest request,
            ISender sender,
            CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new ReplayWebhookEventsCommand(id, request.Since), cancellationToken);
            return result.IsSuccess ? Results.Accepted(value: result.Value) : AdminResults.Problem(result.Error!);
        })
        .WithName("ReplayWebhookEvents")
        .WithSummary("Queues a new delivery of every stored event since the given time that the endpoint subscribes to, in order.")
        .Produces<ReplayResponse>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapPost("/deliveries/{id:guid}/retry", async (Guid id, ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new RetryWebhookDeliveryCommand(id), cancellationToken);
            return result.IsSuccess ? Results.Accepted(value: result.Value) : AdminResults.Problem(result.Error!);
        })
        .WithTags("Webhooks")
        .WithName("RetryWebhookDelivery")
        .WithSummary("Sends a delivery again on a fresh retry schedule, starting now.")
        .Produces<WebhookDeliveryStatusResponse>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        return admin;
    }
}
